"""A branch's event mostly happens in the library: a new event is not online until ticked."""

import re

from django.urls import reverse

from events.models import Event


def test_a_new_event_is_not_online(client, librarian):
    assert Event().is_online is False
    client.force_login(librarian)
    page = client.get(reverse("admin:events_event_add")).content.decode()
    (checkbox,) = re.findall(r'<input[^>]*name="is_online"[^>]*>', page)
    assert "checked" not in checkbox
