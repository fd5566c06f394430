# Portico: the two commands a newcomer needs are `make run` and `make test`.
# Each installs what is missing first (Debian packages, npm packages, tauri-driver).

CARGO ?= cargo
APP_FEATURES := --features custom-protocol

.PHONY: run test deps ui app release bindings lint fmt sim screenshots bench clean

## Build the UI and the app (embedded assets), then start Portico.
run: deps ui
	$(CARGO) run $(APP_FEATURES)

## Run every test layer: lint, Rust (with the real keychain), UI, browser, end-to-end.
test: deps
	scripts/test.sh

deps:
	scripts/deps.sh

ui:
	cd ui && npm run --silent build

## The app binary with embedded assets (what the end-to-end tests drive).
app: ui
	$(CARGO) build $(APP_FEATURES)

## An optimized, stripped binary in target/release/portico.
release: deps ui
	$(CARGO) build --release $(APP_FEATURES)

## Regenerate the TypeScript bindings from the Rust contract.
bindings:
	UPDATE_BINDINGS=1 $(CARGO) test -q -p portico-types --test bindings

lint:
	scripts/test.sh lint

fmt:
	$(CARGO) fmt --all
	cd ui && npm run --silent format

## The gateway simulator on http://127.0.0.1:8787 (any key accepted).
sim:
	$(CARGO) run -p portico-sim -- --port 8787

screenshots: deps app
	scripts/screenshots.sh

## Benchmarks named in the issues; each prints its figures.
bench:
	scripts/bench.sh

clean:
	$(CARGO) clean
	rm -rf ui/dist ui/node_modules tests/node_modules .tools
