"""Two methodologists accepting the same hand-in at the same moment: the row lock
lets one move through and refuses the other, so one move is recorded, not two.

PostgreSQL only: SQLite serializes whole write transactions and has no row locks."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from branches.handins import HandIn, HandInTransition
from handin import services

# serialized_rollback: an earlier transactional test may have flushed the seeded
# permissions and lists; they are put back before this one.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_two_accepts_at_once_record_one_move(library, period, methodologist):
    HandIn.objects.create(library=library, period=period, state=HandIn.State.SUBMITTED)
    start = threading.Barrier(2)
    outcomes = []

    def accept():
        try:
            start.wait()
            with transaction.atomic():
                services.handin_accept(library=library, period=period, user=methodologist)
            outcomes.append("accepted")
        except ValidationError:
            outcomes.append("refused")
        finally:
            from django.db import connections

            connections.close_all()

    threads = [threading.Thread(target=accept) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(outcomes) == ["accepted", "refused"]
    assert HandInTransition.objects.filter(to_state="accepted").count() == 1
