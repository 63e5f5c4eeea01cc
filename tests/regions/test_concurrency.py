"""Two sendings of one report to the region at the same moment, and the region
returning it while the ЦБС sends it: the period's row lock lets one move through
and refuses the other, so one move is recorded, not two.

PostgreSQL only: SQLite serializes whole write transactions and has no row locks."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction

from branches.handins import RegionHandInTransition
from handin.region import region_handin_accept, region_handin_return, region_handin_send

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def at_once(*moves) -> list[str]:
    start = threading.Barrier(len(moves))
    outcomes = []

    def run(move):
        try:
            start.wait()
            with transaction.atomic():
                move()
            outcomes.append("moved")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(move,)) for move in moves]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return sorted(outcomes)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_two_sendings_at_once_record_one(approved, methodologist):
    send = lambda: region_handin_send(period=approved, user=methodologist)  # noqa: E731
    assert at_once(send, send) == ["moved", "refused"]
    assert RegionHandInTransition.objects.count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_an_accept_and_a_return_at_once_record_one(approved, methodologist, region_methodologist):
    region_handin_send(period=approved, user=methodologist)
    accept = lambda: region_handin_accept(period=approved, user=region_methodologist)  # noqa: E731
    back = lambda: region_handin_return(  # noqa: E731
        period=approved, user=region_methodologist, comment="Исправьте"
    )
    assert at_once(accept, back) == ["moved", "refused"]
    assert RegionHandInTransition.objects.exclude(from_state="").count() == 1
