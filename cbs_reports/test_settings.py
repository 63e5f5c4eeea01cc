"""Settings for the test suite: fast hashing, no HTTPS redirects."""

import os

os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "test-secret-key-for-the-suite-only-0123456789-abcdef")

from cbs_reports.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The suite never runs collectstatic: no STATIC_ROOT, so WhiteNoise has no
# missing folder to warn about in every test that makes a request.
STATIC_ROOT = None
# No session write in the middle of a test (the idle timeout's refresh): query
# counts stay exact however slow the machine; its own test sets it back.
SESSION_IDLE_REFRESH_SECONDS = 24 * 60 * 60
# Tasks run at once, in the request that enqueues them.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# A shared Redis (REDIS_URL) is one cache for every pytest process (each xdist worker, each
# run), each with a database of its own: one's organization 1 is not another's.
if REDIS_URL:  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = f"cbs-test-{os.getpid()}"  # noqa: F405
