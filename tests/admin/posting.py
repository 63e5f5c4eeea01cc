"""Posting admin forms in tests and reading back the messages a user sees."""

from django.urls import reverse


def admin_url(model, view, *args):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def form_errors(response) -> list[str]:
    """Every message on the admin form: field errors and errors for the whole form."""
    assert response.status_code == 200, f"expected the form back, got {response.status_code}"
    form = response.context["adminform"].form
    return [str(message) for messages in form.errors.values() for message in messages]


def post_add(client, model, data):
    return client.post(admin_url(model, "add"), data)


def post_change(client, obj, data):
    return client.post(admin_url(type(obj), "change", obj.pk), data)
