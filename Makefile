# cbs-reports: `make demo` to try it, `make test` to check it, `make bench` to measure it.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test test-steps lint format bench install messages clean

# Python writes the bytecode it compiles (__pycache__, ignored by git) for every command run
# from here, even where the environment says not to (PYTHONDONTWRITEBYTECODE=1 on our
# machines and CI's): each test worker, subprocess and command would otherwise compile Django,
# its packages and every test module (pytest's assertion rewriting) anew: a worker's collection
# takes 9 s of CPU instead of 4, each `manage.py` start 2.7 s instead of 1.1.
unexport PYTHONDONTWRITEBYTECODE

# The pinned packages are installed by uv (pinned here, itself installed by the venv's own
# pip): the same versions as pip installs, in 3 s where pip takes 25-30 s on a fresh clone,
# which `make test` counts. uv byte-compiles nothing (pip would without --no-compile: Faker's
# hundreds of locales, Django's contrib); Python compiles the few modules the project imports
# on first import, and writes them for the next run.
UV_VERSION := 0.13.9
$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --no-compile --disable-pip-version-check uv==$(UV_VERSION)
	$(VENV)/bin/uv pip install --quiet --python $(PY) -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

# The demo runs with DEBUG on, on the SQLite file db.sqlite3 unless DATABASE_URL says otherwise;
# the task worker (admin imports, big reports) runs beside the server and stops with it.
demo: export DEBUG ?= true
# Letters (password resets, hand-in notices) are files in out/mail/, one .log per letter.
demo: export EMAIL_BACKEND ?= django.core.mail.backends.filebased.EmailBackend
demo: export EMAIL_FILE_PATH ?= $(CURDIR)/out/mail
demo: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	$(PY) manage.py load_demo --hand-in --region-members --second-half
	mkdir -p out
	$(PY) manage.py build_report --period 2021-H1 --organization balkhash --format docx --output out/report-2021-H1.docx
	$(PY) manage.py build_report --period 2021-H1 --organization balkhash --format xlsx --output out/report-2021-H1.xlsx
	$(PY) manage.py build_report --period 2021 --organization balkhash --format docx --output out/report-2021.docx
	$(PY) manage.py build_report --period 2021 --organization balkhash --format xlsx --output out/report-2021.xlsx
	@echo ""
	@echo "Отчёт: out/report-2021-H1.docx, out/report-2021-H1.xlsx"
	@echo "Годовой отчёт: out/report-2021.docx, out/report-2021.xlsx (2 полугодие 2021 — иллюстративные данные)"
	@echo "Откройте http://127.0.0.1:8000/  (вход: /accounts/login/, ввод данных: /admin/)"
	@echo "Логины (пароль demo): methodist, director, librarian-cgb, librarian-cgdb, librarian-f1 ... librarian-f7"
	@echo "Регион (Карагандинская область, /region/): oblast-methodist (методист региона), oblast-director (руководство региона)"
	@echo "В регионе рядом с Балхашом две иллюстративные ЦБС: Приозёрск (отчёт принят регионом) и Шетский район (пришла пакетом, отчёт сдан, не принят)"
	@echo "Адреса: <логин>@demo.cbs.kz (methodist@demo.cbs.kz); письма (сброс пароля, сдача данных) — файлы в $$EMAIL_FILE_PATH"
	@echo "За 1 полугодие 2021 сданы все библиотеки, кроме ф№4 (librarian-f4): срок 10.07.2021 прошёл, она отмечена как просроченная"
	@echo "2 полугодие 2021 (иллюстративное) открыто: данные внесены, не сданы; страницы сдачи и сводки открываются на нём"
	@echo "Обработчик фоновых задач (импорт, большие отчёты) запущен рядом с сервером: manage.py db_worker"
	$(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:8000

# The suite runs on every core (pytest-xdist, each worker with its own test database) and lists
# its slowest tests. `--dist load` hands each worker consecutive runs of pytest-django's order,
# so on every worker the transactional tests (whose flush empties the database) come after all
# the others; `loadfile` would put a file's transactional tests before other files' tests.
# `make test PYTEST_ARGS=-n0` runs it in one process. The time printed is the whole target's,
# the venv's creation included on a fresh clone.
PYTEST_ARGS ?= -n auto --dist load
test:
	@start=$$(date +%s); $(MAKE) --no-print-directory test-steps; status=$$?; \
	echo "make test: $$(( $$(date +%s) - start )) s"; exit $$status

test-steps: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	DJANGO_SETTINGS_MODULE=cbs_reports.test_settings $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest $(PYTEST_ARGS) --durations=15

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: $(STAMP)
	$(PY) -m bench

# Recompile translations after editing a .po file (needs gettext's msgfmt).
# The compiled .mo files are committed, so running the project needs no gettext.
messages: $(STAMP)
	$(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) db.sqlite3 out staticfiles
