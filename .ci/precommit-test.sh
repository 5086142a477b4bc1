#!/usr/bin/env bash
# End-to-end test of .pre-commit-hooks.yaml with the real pre-commit (Debian's
# `pre-commit` package; the caller installs it: apt-get install -y pre-commit).
#
# It snapshots this checkout's work tree into a temporary git repository (so
# uncommitted changes are tested too), points a throwaway project's
# .pre-commit-config.yaml at it (`repo: <path>`, `rev: <commit>`), and checks
# that pre-commit blocks a commit with unsafe advice and lets a clean one
# through. pre-commit installs the `language: node` hook the way it does for
# users: nodeenv (`-n system`: the installed Node, no download), `npm install`
# in the hook repo (whose `prepare` builds fitlint), `npm pack`, `npm install
# -g`. npm prefers its cache, which `npm ci` has filled, so this works without
# network when the cache is warm and falls back to the registry otherwise.
#
# npm_config_loglevel=silent: pre-commit before 4.6.1 (Debian has 3.0.4)
# takes all of `npm pack`'s stdout as the tarball's name, and npm 11 prints
# the `prepare` script's banner there too; silent leaves only the name.
# pre-commit 4.6.1 and later install with `npm install -g git+file://…` and
# need no such setting.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"

if ! command -v pre-commit >/dev/null; then
  echo "precommit-test: pre-commit is not installed (apt-get install -y pre-commit)" >&2
  exit 1
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/fitlint-precommit.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
export PRE_COMMIT_HOME="$WORK/pre-commit-home"
export npm_config_loglevel=silent npm_config_prefer_offline=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
# Hermetic git: no user or system config, a fixed identity.
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME=fitlint GIT_AUTHOR_EMAIL=fitlint@example.com
export GIT_COMMITTER_NAME=fitlint GIT_COMMITTER_EMAIL=fitlint@example.com

echo "precommit-test: $(pre-commit --version), node $(node --version), npm $(npm --version)"

# 1. The hook repository: this work tree (tracked and new files, not ignored ones).
HOOKS="$WORK/hooks"
mkdir -p "$HOOKS"
(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard) |
  while IFS= read -r -d '' file; do
    if [ -f "$ROOT/$file" ]; then
      mkdir -p "$HOOKS/$(dirname "$file")"
      cp -p "$ROOT/$file" "$HOOKS/$file"
    fi
  done
git -C "$HOOKS" init -q
git -C "$HOOKS" add -A
git -C "$HOOKS" commit -q -m snapshot
REV="$(git -C "$HOOKS" rev-parse HEAD)"

# 2. A project that uses the hook.
PROJECT="$WORK/project"
mkdir -p "$PROJECT"
cd "$PROJECT"
git init -q
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $HOOKS
    rev: $REV
    hooks:
      - id: fitlint
YAML
git add .pre-commit-config.yaml
git commit -q -m "pre-commit config"
pre-commit install >/dev/null
echo "precommit-test: installing the hook (npm install, build, pack)..."
if ! pre-commit install-hooks; then
  cat "$PRE_COMMIT_HOME/pre-commit.log" >&2 || true
  echo "precommit-test: FAIL: pre-commit could not install the hook" >&2
  exit 1
fi

# 3. Unsafe advice (an error: carrying on through a warning sign): the commit is blocked.
mkdir -p posts
cat > posts/leg-day.md <<'MD'
# Leg day

This is general information, not medical advice.

Squat twice a week. If your knee twinges mid-set, keep squatting.
MD
git add posts/leg-day.md
if git commit -q -m "unsafe" > "$WORK/blocked.log" 2>&1; then
  cat "$WORK/blocked.log"
  echo "precommit-test: FAIL: a commit with unsafe advice went through" >&2
  exit 1
fi
if ! grep -q "unsafe-advice" "$WORK/blocked.log"; then
  cat "$WORK/blocked.log"
  echo "precommit-test: FAIL: the blocked commit does not name unsafe-advice" >&2
  exit 1
fi
echo "precommit-test: ok: unsafe advice blocked the commit"

# 4. A clean article: the commit passes (and non-article files are not linted).
cat > posts/leg-day.md <<'MD'
# Leg day

This is general information, not medical advice.

Squat twice a week. Stop if you feel sharp pain, and see a physiotherapist if it lasts.
MD
printf '{"not": "an article"}\n' > data.json
git add posts/leg-day.md data.json
if ! git commit -q -m "clean" > "$WORK/clean.log" 2>&1; then
  cat "$WORK/clean.log"
  echo "precommit-test: FAIL: a clean article was blocked" >&2
  exit 1
fi
echo "precommit-test: ok: a clean article was committed"
echo "precommit-test: 2 passed, 0 failed"
