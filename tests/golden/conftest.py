from tests.demo.conftest import demo, demo_period  # noqa: F401
