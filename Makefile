# The two commands of the quick start (`make demo`, `make test`) work on a fresh machine
# that has only python3: each creates .venv and installs what it needs first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Also test the oldest and newest supported Pythons when pyenv has them.
EXTRA_PYTHONS := $(firstword $(wildcard $(HOME)/.pyenv/versions/3.10*/bin/python3)) \
                 $(firstword $(wildcard $(HOME)/.pyenv/versions/3.13*/bin/python3))
# The book's programs, in the appendix's order (the server registers its classes first), and
# the classic window program.
EXAMPLES := examples/SimpleThreads.py examples/ThreadingModelsServer.py \
            examples/SingleThreadedApartment.py examples/FreeThreadedApartment.py \
            examples/window_program.py examples/PipeServer.py

.PHONY: all demo test test-ft lint typecheck pytest pytest-versions bench bench-smoke oracle clean

all: test

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,bench]'
	touch $@

demo: $(STAMP)
	@registry=$$(mktemp -d)/registry.sqlite3; export APARTMENT_REGISTRY=$$registry; \
	echo "(COM classes are registered in a temporary registry: $$registry)"; \
	for script in $(EXAMPLES); do \
		echo; echo "== python -m apartment run $$script"; \
		$(BIN)/python -m apartment run $$script || exit 1; \
	done

lint: $(STAMP)
	$(BIN)/ruff check src tests examples bench
	$(BIN)/ruff format --check src tests examples bench

typecheck: $(STAMP)
	$(BIN)/mypy --strict

# The package is compiled first, as for test-ft below: where PYTHONDONTWRITEBYTECODE is set no
# child writes its .pyc, and every local server and Python child a test starts compiled the
# package again (tests/com/test_local_servers.py + test_remote_activation.py: 19.3 s of user CPU,
# 8.7 s from .pyc files).
pytest: $(STAMP)
	$(BIN)/python -m compileall -q src >/dev/null
	$(BIN)/pytest -q

pytest-versions:
	@for py in $(EXTRA_PYTHONS); do \
		ver=$$($$py -c 'import sys; print("%d.%d" % sys.version_info[:2])'); \
		venv=.venv-$$ver; \
		if [ ! -f $$venv/.installed ] || [ pyproject.toml -nt $$venv/.installed ]; then \
			$$py -m venv $$venv && $$venv/bin/python -m pip install -q --upgrade pip && \
			$$venv/bin/python -m pip install -q -e '.[test]' && touch $$venv/.installed || exit 1; \
		fi; \
		$$venv/bin/python -m compileall -q src >/dev/null || exit 1; \
		echo "== pytest on Python $$ver"; \
		$$venv/bin/pytest -q -p no:randomly || exit 1; \
	done

test: lint typecheck pytest pytest-versions

# The free-threaded lane: the whole suite on CPython 3.13t with the GIL off (PYTHON_GIL=0).
# The interpreter is $(PYTHON_FT) if set, else the one tools/python-ft/build builds once (about
# 4 minutes on 2 idle cores) and then reuses: 3.13.5 --disable-gil with the patches beside that
# script. Stock 3.13t (../shared/tools/python-ft's) spins on sched_yield() where a thread
# re-enters a critical section it holds (every buffered file close, every class with a
# metaclass): under CPU load a child process then takes a minute to import the facade and tests
# that start children time out; tools/python-ft/recursive-critical-section.patch is the fix.
# Where the script cannot build here (no source reachable, build dependencies missing and not
# root, a failed build) the lane runs on the stock 3.13t of ../shared/tools/python-ft (its
# interpreter test is then skipped, with the reason), and is skipped when there is none either.
# The venv is made again when the interpreter changes. Type checking stays on the GIL builds
# (mypy needs Rust on 3.13t).
# The package is compiled first: where PYTHONDONTWRITEBYTECODE is set (as on the CI machine) no
# child writes its .pyc, and each Python child a test starts compiled the whole facade again
# (0.83 s of CPU on 3.13t, 0.18 s from .pyc files).
PYTHON_FT_BUILD := tools/python-ft/build
# the stock 3.13t: the fallback where ours cannot build
PYTHON_FT_TOOL := ../shared/tools/python-ft

test-ft:
	@ft="$(PYTHON_FT)"; \
	if [ -z "$$ft" ]; then \
		ft=$$($(PYTHON_FT_BUILD)); status=$$?; ft=$$(printf '%s\n' "$$ft" | tail -n 1); \
		if [ $$status -ne 0 ] || [ ! -x "$$ft" ]; then \
			echo "test-ft: $(PYTHON_FT_BUILD) could not build the patched 3.13t (above); trying $(PYTHON_FT_TOOL)'s stock one"; \
			ft=""; \
			if [ -x $(PYTHON_FT_TOOL) ]; then ft=$$($(PYTHON_FT_TOOL) | tail -n 1) || ft=""; fi; \
		fi; \
		if [ -z "$$ft" ] || [ ! -x "$$ft" ]; then \
			echo "test-ft: SKIPPED, no free-threaded Python: set PYTHON_FT, or see why $(PYTHON_FT_BUILD) could not build one (above)"; \
			exit 0; \
		fi; \
	fi; \
	venv=.venv-ft; \
	if [ ! -f $$venv/.installed ] || [ pyproject.toml -nt $$venv/.installed ] || \
	   [ "$$(cat $$venv/.installed)" != "$$ft" ]; then \
		rm -rf $$venv && $$ft -m venv $$venv && $$venv/bin/python -m pip install -q --upgrade pip && \
		$$venv/bin/python -m pip install -q -e '.[test-ft]' && echo "$$ft" >$$venv/.installed || exit 1; \
	fi; \
	$$venv/bin/python -m compileall -q src >/dev/null || exit 1; \
	echo "== pytest on $$($$venv/bin/python -c 'import sys; print(sys.version.split()[0])') free-threaded ($$ft), PYTHON_GIL=0"; \
	PYTHON_GIL=0 $$venv/bin/pytest -q -p no:randomly

bench: $(STAMP)
	$(BIN)/python -m bench

bench-smoke: $(STAMP)
	$(BIN)/python -m bench --smoke

oracle:  # the real pywin32 under Wine, with a display driver that needs no screen
	../shared/tools/pywin32-oracle python tools/oracle_null_display.py
	@# the console's tests free the process's console, whose dead standard handles break every
	@# later child on Windows: they run in an oracle process of their own; both parts always run
	../shared/tools/pywin32-oracle pytest tests/contract -q --ignore=test_console.py; status=$$?; \
	d=$$(mktemp -d) && cp tests/contract/_*.py tests/contract/test_console.py $$d/ && \
		../shared/tools/pywin32-oracle pytest $$d -q || status=1; rm -rf $$d; exit $$status

clean:
	rm -rf $(VENV) .venv-* .mypy_cache .ruff_cache .hypothesis
