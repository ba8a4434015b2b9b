#!/usr/bin/env bash
# Validate docker/ (Dockerfile, compose.yaml, nginx.conf, .env.example,
# Dockerfile.dockerignore) without a Docker engine.
#
#   bash test/validate-docker.sh
#
# Installs what it needs when missing (CI starts from a fresh machine):
#   Debian: docker-compose (1.29, python), nginx, yamllint, shellcheck,
#           python3-yaml
#   npm:    dockerfile-utils, pinned (DOCKERFILE_UTILS_VERSION), run through
#           `npm exec` from the npm cache; the project's package.json and
#           node_modules are not touched.
# Every check says what it proves and what it cannot. Nothing here builds an
# image or starts a container: a real `docker compose up` has never been run
# as part of this validation.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DOCKER_DIR="$ROOT/docker"
COMPOSE="$DOCKER_DIR/compose.yaml"
ENV_EXAMPLE="$DOCKER_DIR/.env.example"
NGINX_CONF="$DOCKER_DIR/nginx.conf"
DOCKERFILE="$DOCKER_DIR/Dockerfile"
DOCKERFILE_UTILS_VERSION=0.16.3
SYSPY=/usr/bin/python3   # Debian's python: python3-yaml lives there

WORK="$(mktemp -d)"
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT

# ---------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
fi

apt_get() {
  # RUNLEVEL=1: invoke-rc.d must not start the nginx service on install, only
  # the binary is needed. Lock timeout: another job may be using apt.
  $SUDO env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 \
    apt-get -y -q -o DPkg::Lock::Timeout=600 "$@"
}

nginx_bin() {
  if command -v nginx >/dev/null 2>&1; then command -v nginx; else echo /usr/sbin/nginx; fi
}

missing=()
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
[ -x "$(nginx_bin)" ] || missing+=(nginx)
command -v yamllint >/dev/null 2>&1 || missing+=(yamllint)
command -v shellcheck >/dev/null 2>&1 || missing+=(shellcheck)
{ [ -x "$SYSPY" ] && "$SYSPY" -c 'import yaml' >/dev/null 2>&1; } || missing+=(python3-yaml)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing: ${missing[*]}"
  if ! apt_get install --no-install-recommends "${missing[@]}" >"$WORK/apt.log" 2>&1; then
    # A fresh machine may have no package lists yet.
    apt_get update >>"$WORK/apt.log" 2>&1
    apt_get install --no-install-recommends "${missing[@]}" >>"$WORK/apt.log" 2>&1 || {
      cat "$WORK/apt.log" >&2
      echo "validate-docker: could not install ${missing[*]}" >&2
      exit 1
    }
  fi
fi
for tool in docker-compose yamllint shellcheck node npm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "validate-docker: $tool not found" >&2; exit 1; }
done

echo "tools:"
echo "  $(docker-compose version --short 2>/dev/null | sed 's/^/docker-compose /')"
echo "  $("$(nginx_bin)" -v 2>&1)"
echo "  $(yamllint --version)"
echo "  shellcheck $(shellcheck --version | sed -n 's/^version: //p')"
echo "  python3-yaml $("$SYSPY" -c 'import yaml; print(yaml.__version__)')"
echo "  node $(node --version), dockerfile-utils $DOCKERFILE_UTILS_VERSION (npm, pinned)"

# ---------------------------------------------------------------------------
# Harness
# ---------------------------------------------------------------------------
PASSED=0
FAILED=0
check() {
  local name="$1"; shift
  local out rc=0
  out="$("$@" 2>&1)" || rc=$?
  if [ "$rc" -eq 0 ]; then
    PASSED=$((PASSED + 1))
    echo "ok   $name"
    printf '%s\n' "$out" | sed -n 's/^warning: /     warning: /p'
  else
    FAILED=$((FAILED + 1))
    echo "FAIL $name (exit $rc)"
    printf '%s\n' "$out" | sed 's/^/     | /'
  fi
}

# docker-compose, hermetic: no variables from the caller's shell, no docker/.env.
compose_v1() {
  env -i PATH="$PATH" HOME="$WORK" docker-compose "$@"
}

# docker-compose 1.29 predates the top-level `name:` key (Compose v2), which
# compose.yaml uses to name the project `podgate`. The v1 checks run on a copy
# without that one line (its value is checked by the invariants below); paths
# stay relative to docker/ through --project-directory.
V1_COMPOSE="$WORK/compose.v1.yaml"
grep -v '^name: ' "$COMPOSE" >"$V1_COMPOSE"
RESOLVED="$WORK/compose.resolved.yaml"

# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------

# Proves: this script parses and has no shellcheck findings.
check_self() {
  bash -n "${BASH_SOURCE[0]}" && shellcheck -s bash "${BASH_SOURCE[0]}"
}

# Proves: compose.yaml is well-formed YAML: no duplicate keys (which a YAML
# loader would silently collapse), no tabs, consistent indentation, no
# trailing spaces. Cannot: say anything about Compose semantics.
check_yamllint() {
  yamllint -s -d '{extends: default, rules: {line-length: disable, document-start: disable, comments: {min-spaces-from-content: 1}}}' \
    "$COMPOSE"
}

# Proves: with the committed placeholders, compose.yaml validates against the
# Compose schema of docker-compose 1.29 (keys, types, depends_on conditions,
# healthcheck format, volumes/networks declared), anchors and merge keys
# resolve, ${VAR} interpolation succeeds, and the build context exists.
# Cannot: features newer than that schema (only `name:` is used, see above);
# whether images exist or containers start.
check_compose_config() {
  compose_v1 --project-directory "$DOCKER_DIR" -f "$V1_COMPOSE" --env-file "$ENV_EXAMPLE" config >"$RESOLVED"
}

# Proves: without docker/.env the deployment refuses to start (the
# ${VAR:?...} guards on secrets), instead of running with empty passwords.
check_compose_requires_secrets() {
  : >"$WORK/empty.env"
  local out
  if out="$(compose_v1 --project-directory "$DOCKER_DIR" -f "$V1_COMPOSE" --env-file "$WORK/empty.env" config -q 2>&1)"; then
    echo "docker-compose config succeeded without any secrets set"
    return 1
  fi
  grep -Eq 'ESDB_ADMIN_PASSWORD|ESDB_OPS_PASSWORD|POSTGRES_PASSWORD|KEYSTONE_URL' <<<"$out" || {
    echo "unexpected failure: $out"
    return 1
  }
}

# Python checks on the resolved compose config, the raw files and their
# cross-references (see the docstrings of each group).
PYCHECKS="$(cat <<'PY'
import json, os, re, sys
from urllib.parse import urlsplit, parse_qs
import yaml

group, root = sys.argv[1], sys.argv[2]
D = os.path.join(root, "docker")
errors = []
def expect(cond, msg):
    if not cond:
        errors.append(msg)

def load(path):
    with open(path) as f:
        return yaml.safe_load(f)

def env_of(svc):
    env = svc.get("environment") or {}
    if isinstance(env, list):
        env = dict(e.split("=", 1) if "=" in e else (e, None) for e in env)
    return {k: (None if v is None else str(v)) for k, v in env.items()}

def unescape(s):
    return s.replace("$$", "$")  # `config` re-escapes $ in its output

def hc_cmd(svc):
    t = (svc.get("healthcheck") or {}).get("test")
    return t if isinstance(t, list) else [t]

def dep(svc, target):
    d = svc.get("depends_on") or {}
    return (d.get(target) or {}).get("condition") if isinstance(d, dict) else None

def vol_targets(svc):
    out = {}
    for v in svc.get("volumes") or []:
        if isinstance(v, str):
            parts = v.split(":")
            out[parts[1]] = {"source": parts[0], "read_only": len(parts) > 2 and "ro" in parts[2].split(",")}
        else:
            out[v["target"]] = {"source": v.get("source"), "read_only": bool(v.get("read_only"))}
    return out

def port_pairs(svc):
    """[(published, target)] from short ("19999:80") or long (dict) syntax."""
    out = []
    for p in svc.get("ports") or []:
        if isinstance(p, dict):
            out.append((str(p.get("published")), str(p.get("target"))))
        else:
            parts = str(p).split("/")[0].split(":")
            out.append((parts[-2] if len(parts) > 1 else None, parts[-1]))
    return out

def nginx_upstream_servers(text):
    m = re.search(r"upstream\s+podgate_gateways\s*\{(.*?)\n\s*\}", text, re.S)
    if not m:
        return None, ""
    body = m.group(1)
    return re.findall(r"^\s*server\s+([^\s;]+)", body, re.M), body

def dockerfile_stages(text):
    text = re.sub(r"\\\n", " ", text)  # join continuation lines
    args, stages = {}, []
    for line in text.splitlines():
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        instr, _, rest = s.partition(" ")
        instr = instr.upper()
        if instr == "ARG" and not stages:
            k, _, v = rest.partition("=")
            args[k.strip()] = v.strip()
        elif instr == "FROM":
            img = re.sub(r"\$\{(\w+)\}", lambda m: args.get(m.group(1), ""), rest.split()[0])
            name = rest.split()[-1] if " AS " in rest.upper() else None
            stages.append({"image": img, "name": name, "lines": []})
        elif stages:
            stages[-1]["lines"].append((instr, rest.strip()))
    return stages

def exec_form(rest, what):
    try:
        v = json.loads(rest)
        expect(isinstance(v, list) and all(isinstance(x, str) for x in v), f"{what} exec form is not a JSON string array")
        return v
    except ValueError as e:
        errors.append(f"{what} is not valid exec-form JSON ({e}): {rest[:80]}")
        return []

if group == "compose":
    """Resolved compose config: the topology the brief asks for."""
    cfg = load(sys.argv[3])
    raw = load(os.path.join(D, "compose.yaml"))
    S = cfg.get("services", {})
    expect(raw.get("name") == "podgate", "top-level name must be `podgate`")
    expect(re.fullmatch(r"[a-z0-9][a-z0-9_-]*", str(raw.get("name"))), "invalid project name")
    want = {"certs", "node1", "node2", "node3", "postgres", "gateway-1", "gateway-2", "projector", "lb"}
    expect(set(S) == want, f"services {sorted(S)} != {sorted(want)}")
    nodes = ["node1", "node2", "node3"]
    gateways = ["gateway-1", "gateway-2"]
    podgate = gateways + ["projector"]

    # certs (one-shot)
    c = S.get("certs", {})
    expect(str(c.get("image", "")).startswith("eventstore/es-gencert-cli:"), "certs: image must be eventstore/es-gencert-cli")
    expect(c.get("restart") in (None, "no"), "certs: one-shot service must not restart")
    cvol = vol_targets(c)
    script = unescape(" ".join(c.get("command") or []))
    loop = re.search(r"for n in ([0-9 ]+); do", script)
    expect(loop and sorted(loop.group(1).split()) == ["1", "2", "3"], "certs: must generate certificates for nodes 1 2 3")
    expect('-out "/certs/node${n}"' in script and '-dns-names "node${n},' in script,
           "certs: node certificates must go to /certs/nodeN with DNS name nodeN")

    # EventStoreDB cluster
    admin_pw = None
    for n in nodes:
        s, e = S.get(n, {}), env_of(S.get(n, {}))
        others = sorted(f"{o}:2113" for o in nodes if o != n)
        expect(s.get("image") == "eventstore/eventstore:24.10", f"{n}: image must be eventstore/eventstore:24.10")
        expect(e.get("EVENTSTORE_CLUSTER_SIZE") == "3", f"{n}: EVENTSTORE_CLUSTER_SIZE must be 3")
        expect(sorted((e.get("EVENTSTORE_GOSSIP_SEED") or "").split(",")) == others, f"{n}: gossip seeds must be {others}")
        expect((e.get("EVENTSTORE_RUN_PROJECTIONS") or "").lower() == "none", f"{n}: EVENTSTORE_RUN_PROJECTIONS must be None")
        expect((e.get("EVENTSTORE_INSECURE") or "false").lower() == "false", f"{n}: must not run insecure")
        expect(e.get("EVENTSTORE_DISCOVER_VIA_DNS") == "false", f"{n}: gossip seeds need EVENTSTORE_DISCOVER_VIA_DNS=false")
        expect(e.get("EVENTSTORE_NODE_HOST_ADVERTISE_AS") == n and e.get("EVENTSTORE_REPLICATION_HOST_ADVERTISE_AS") == n,
               f"{n}: must advertise its DNS name {n} (the name in its certificate)")
        expect(e.get("EVENTSTORE_CERTIFICATE_FILE") == f"/certs/{n}/node.crt", f"{n}: wrong certificate file")
        expect(e.get("EVENTSTORE_CERTIFICATE_PRIVATE_KEY_FILE") == f"/certs/{n}/node.key", f"{n}: wrong key file")
        expect(e.get("EVENTSTORE_TRUSTED_ROOT_CERTIFICATES_PATH") == "/certs/ca", f"{n}: trusted root must be /certs/ca")
        unknown = [k for k in e if k.startswith("EVENTSTORE_") and k not in {
            "EVENTSTORE_CLUSTER_SIZE", "EVENTSTORE_DISCOVER_VIA_DNS", "EVENTSTORE_RUN_PROJECTIONS", "EVENTSTORE_INSECURE",
            "EVENTSTORE_NODE_IP", "EVENTSTORE_REPLICATION_IP", "EVENTSTORE_TRUSTED_ROOT_CERTIFICATES_PATH",
            "EVENTSTORE_DEFAULT_ADMIN_PASSWORD", "EVENTSTORE_DEFAULT_OPS_PASSWORD", "EVENTSTORE_TELEMETRY_OPTOUT",
            "EVENTSTORE_GOSSIP_SEED", "EVENTSTORE_NODE_HOST_ADVERTISE_AS", "EVENTSTORE_REPLICATION_HOST_ADVERTISE_AS",
            "EVENTSTORE_CERTIFICATE_FILE", "EVENTSTORE_CERTIFICATE_PRIVATE_KEY_FILE"}]
        # EventStoreDB refuses to start on an unknown EVENTSTORE_* option.
        expect(not unknown, f"{n}: EVENTSTORE_* options not on the reviewed 24.10 list: {unknown}")
        admin_pw = admin_pw or e.get("EVENTSTORE_DEFAULT_ADMIN_PASSWORD")
        expect(dep(s, "certs") == "service_completed_successfully", f"{n}: must wait for certs")
        v = vol_targets(s)
        expect("/certs" in v and v["/certs"]["read_only"], f"{n}: /certs must be mounted read-only")
        expect(v.get("/certs", {}).get("source") == cvol.get("/certs", {}).get("source"),
               f"{n}: /certs must be the volume the certs service writes to")
        expect("/var/lib/eventstore" in v and v["/var/lib/eventstore"]["source"] in cfg.get("volumes", {}),
               f"{n}: data must live on a named volume")

    # PostgreSQL
    p = S.get("postgres", {})
    pe = env_of(p)
    expect(p.get("image") == "postgres:16", "postgres: image must be postgres:16")
    expect("pg_isready" in " ".join(hc_cmd(p)), "postgres: healthcheck must use pg_isready")
    pv = vol_targets(p)
    expect(pv.get("/var/lib/postgresql/data", {}).get("source") in cfg.get("volumes", {}), "postgres: data must live on a named volume")

    # gateways and projector
    images = set()
    for g in podgate:
        s, e = S.get(g, {}), env_of(S.get(g, {}))
        b = s.get("build") or {}
        expect(os.path.realpath(str(b.get("context"))) == os.path.realpath(root), f"{g}: build context must be the repo root")
        expect(b.get("dockerfile") == "docker/Dockerfile", f"{g}: must build docker/Dockerfile")
        images.add(s.get("image"))
        expect(not s.get("ports"), f"{g}: must not publish ports (traffic goes through lb)")
        for d in ["postgres"] + nodes:
            expect(dep(s, d) == "service_healthy", f"{g}: depends_on {d} must be service_healthy")
        expect(e.get("LOG_LEVEL") == "info", f"{g}: LOG_LEVEL must be info")
        expect(e.get("NODE_ENV") == "production", f"{g}: NODE_ENV must be production")
        expect(e.get("KEYSTONE_URL"), f"{g}: KEYSTONE_URL missing")
        db = urlsplit(e.get("DATABASE_URL") or "")
        expect(db.scheme in ("postgres", "postgresql") and db.hostname == "postgres" and db.port == 5432
               and db.path == "/podgate" and db.username == pe.get("POSTGRES_USER")
               and db.password == pe.get("POSTGRES_PASSWORD"),
               f"{g}: DATABASE_URL must be postgres://{pe.get('POSTGRES_USER')}:<POSTGRES_PASSWORD>@postgres:5432/podgate")
        cs = e.get("EVENTSTORE_CONNECTION_STRING") or ""
        m = re.fullmatch(r"esdb://(?:([^:@/]+):([^@/]*)@)?([^/?]+)/?\?(.*)", cs)
        expect(m, f"{g}: EVENTSTORE_CONNECTION_STRING must be esdb://[user:pass@]hosts?options")
        if m:
            hosts = sorted(m.group(3).split(","))
            q = {k: v[-1] for k, v in parse_qs(m.group(4)).items()}
            expect(hosts == [f"{n}:2113" for n in nodes], f"{g}: connection string must list {nodes} on 2113, got {hosts}")
            expect(q.get("tls") == "true", f"{g}: connection string must use tls=true")
            ca = q.get("tlsCAFile", "")
            mounts = vol_targets(s)
            ca_dir = os.path.dirname(ca)
            expect(ca_dir in mounts and mounts[ca_dir]["read_only"], f"{g}: tlsCAFile {ca} is not on a read-only mount")
            src = mounts.get(ca_dir, {}).get("source")
            ca_pub = [t for t, v in cvol.items() if v["source"] == src]
            expect(ca_pub and os.path.basename(ca) == "ca.crt" and f"{ca_pub[0]}/ca.crt" in unescape(" ".join(c.get("command") or [])),
                   f"{g}: tlsCAFile must be the ca.crt that the certs service writes into volume {src}")
            expect(m.group(1) == "admin" and m.group(2) == admin_pw, f"{g}: connection string credentials must match the EventStoreDB admin password")
        expect(not any(t.endswith(("/ca-private", "/certs")) for t in vol_targets(s)), f"{g}: must not mount node keys or the CA key")

    expect(len(images) == 1 and None not in images, f"gateways and projector must share one image tag, got {images}")
    for g in gateways:
        e = env_of(S.get(g, {}))
        expect(e.get("PODGATE_HOST") == "0.0.0.0", f"{g}: PODGATE_HOST must be 0.0.0.0")
        expect(e.get("PODGATE_PORT") == "19999", f"{g}: PODGATE_PORT must be 19999")
        expect(e.get("PODGATE_RUN_PROJECTIONS") == "false", f"{g}: PODGATE_RUN_PROJECTIONS must be false")
        expect("/healthz" in " ".join(hc_cmd(S.get(g, {}))) and "PODGATE_PORT" in " ".join(hc_cmd(S.get(g, {}))),
               f"{g}: healthcheck must probe /healthz on PODGATE_PORT")
        expect(S.get(g, {}).get("command") in (None, ["node", "dist/apps/gateway/src/main.js"]), f"{g}: must run the gateway entry point")
    pr = S.get("projector", {})
    pre = env_of(pr)
    expect(pr.get("command") == ["node", "dist/apps/projector/src/main.js"], "projector: command must be node dist/apps/projector/src/main.js")
    expect(pre.get("PODGATE_PROJECTOR_PORT") == "19998", "projector: PODGATE_PROJECTOR_PORT must be 19998")
    expect("PODGATE_PORT" not in pre, "projector: must not configure the HTTP API (PODGATE_PORT)")
    expect("PODGATE_PROJECTOR_PORT" in " ".join(hc_cmd(pr)) and "/healthz" in " ".join(hc_cmd(pr)),
           "projector: healthcheck must probe /healthz on PODGATE_PROJECTOR_PORT")

    # load balancer
    lb = S.get("lb", {})
    expect(lb.get("image") == "nginx:1.27", "lb: image must be nginx:1.27")
    lv = vol_targets(lb)
    expect(lv.get("/etc/nginx/nginx.conf", {}).get("read_only")
           and os.path.realpath(lv["/etc/nginx/nginx.conf"]["source"]) == os.path.realpath(os.path.join(D, "nginx.conf")),
           "lb: docker/nginx.conf must be mounted read-only at /etc/nginx/nginx.conf")
    expect(port_pairs(lb) == [("19999", "80")], f"lb: must publish host port 19999 -> 80 only, got {port_pairs(lb)}")
    for g in gateways:
        expect(dep(lb, g) == "service_healthy", f"lb: depends_on {g} must be service_healthy")

    # generic invariants
    for name, s in S.items():
        for d, cond in (s.get("depends_on") or {}).items():
            cond = cond.get("condition")
            if cond == "service_healthy":
                expect(S.get(d, {}).get("healthcheck"), f"{name}: waits for {d} to be healthy but {d} has no healthcheck")
            if cond == "service_completed_successfully":
                expect(S.get(d, {}).get("restart") in (None, "no"), f"{name}: waits for {d} to complete but {d} restarts")
        if name != "certs":
            expect(s.get("healthcheck"), f"{name}: no healthcheck")
            expect(s.get("restart") == "unless-stopped", f"{name}: restart policy must be unless-stopped")
    nets = cfg.get("networks", {})
    expect((nets.get("backend") or {}).get("internal") is True, "backend network must be internal")
    for n in nodes + ["postgres"]:
        expect(S.get(n, {}).get("networks") and set(S[n]["networks"]) == {"backend"}, f"{n}: must be on the backend network only")

elif group == "secrets":
    """No secret in the committed files; .env.example covers every required variable."""
    text = open(os.path.join(D, "compose.yaml")).read()
    raw = yaml.safe_load(text)
    text = "\n".join(l for l in text.splitlines() if not l.lstrip().startswith("#"))
    def walk(node, path=""):
        if isinstance(node, dict):
            for k, v in node.items():
                yield from walk(v, f"{path}.{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                yield from walk(v, f"{path}[{i}]")
        else:
            yield path, node
    for path, v in walk(raw):
        key = path.rsplit(".", 1)[-1]
        if re.search(r"PASSWORD|SECRET|TOKEN", key, re.I):
            expect(isinstance(v, str) and re.fullmatch(r"\$\{[A-Z0-9_]+(:\?[^}]*)?\}", v), f"compose.yaml {path}: literal secret, use ${{VAR:?...}}")
        if isinstance(v, str) and re.search(r"://[^/\s:@]+:[^@\s]+@", v):
            creds = re.search(r"://[^/\s:@]+:([^@\s]+)@", v).group(1)
            expect(creds.startswith("${"), f"compose.yaml {path}: credentials in a URL must come from ${{VAR}}")
    required = set(re.findall(r"\$\{([A-Z0-9_]+):\?", text))
    used = set(re.findall(r"\$\{([A-Z0-9_]+)", text))
    ex = {}
    for line in open(os.path.join(D, ".env.example")):
        line = line.strip()
        if line and not line.startswith("#"):
            k, _, v = line.partition("=")
            ex[k] = v
    expect(required, "compose.yaml has no ${VAR:?...} guards")
    expect(required <= set(ex), f".env.example lacks required variables {sorted(required - set(ex))}")
    expect(used <= set(ex), f".env.example does not document {sorted(used - set(ex))}")
    for k, v in ex.items():
        if re.search(r"PASSWORD|SECRET|TOKEN", k):
            expect("CHANGE-ME" in v, f".env.example {k}: must be a CHANGE-ME placeholder")
            expect(re.fullmatch(r"[A-Za-z0-9._~-]+", v), f".env.example {k}: placeholder must be URL-safe (it is put into URLs)")

elif group == "nginx":
    """nginx.conf and compose.yaml agree; the load-balancing features are there."""
    cfg = load(sys.argv[3])
    S = cfg.get("services", {})
    text = open(os.path.join(D, "nginx.conf")).read()
    servers, body = nginx_upstream_servers(text)
    expect(servers is not None, "nginx.conf: no `upstream podgate_gateways` block")
    servers = servers or []
    want = sorted(f"{g}:{env_of(S[g]).get('PODGATE_PORT')}" for g in S if g.startswith("gateway-"))
    expect(sorted(servers) == want, f"nginx.conf upstream servers {sorted(servers)} != compose gateways {want}")
    for line in re.findall(r"^\s*server\s+\S+[^;]*;", body, re.M):
        expect("max_fails=" in line and "fail_timeout=" in line, f"nginx.conf: passive health check missing on `{line.strip()}`")
    expect(re.search(r"^\s*keepalive\s+\d+;", body, re.M), "nginx.conf: upstream keepalive missing")
    for needle in ["proxy_pass http://podgate_gateways;", "proxy_http_version 1.1;", 'proxy_set_header Connection "";',
                   "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Port",
                   "proxy_connect_timeout", "proxy_read_timeout", "proxy_send_timeout", "proxy_next_upstream ",
                   "location = /lb-healthz"]:
        expect(needle in text, f"nginx.conf: `{needle}` missing")
    listen = re.findall(r"^\s*listen\s+(\d+)", text, re.M)
    targets = {t for _, t in port_pairs(S.get("lb", {}))}
    expect(listen and set(listen) == targets, f"nginx listens on {listen}, compose publishes to {targets}")
    expect("/lb-healthz" in " ".join(hc_cmd(S.get("lb", {}))), "lb: healthcheck must probe /lb-healthz")

elif group == "dockerfile":
    """Dockerfile structure: multi-stage, slim node 20 base, non-root runtime, healthcheck, entry points."""
    text = open(os.path.join(D, "Dockerfile")).read()
    stages = dockerfile_stages(text)
    expect(len(stages) >= 2, "Dockerfile must be multi-stage")
    for st in stages:
        expect(st["image"] == "node:20-bookworm-slim" or st["image"].startswith("node:20-bookworm-slim@sha256:"),
               f"stage {st['name']}: base must be node:20-bookworm-slim, got {st['image']}")
    if len(stages) >= 2:
        build, run = stages[0], stages[-1]
        runs = " && ".join(r for i, r in build["lines"] if i == "RUN")
        for cmd in ["npm ci", "npm run build", "npm prune --omit=dev"]:
            expect(cmd in runs, f"build stage: `{cmd}` missing")
        expect(runs.find("npm ci") < runs.find("npm run build") < runs.find("npm prune"), "build stage: order must be npm ci, build, prune")
        users = [r for i, r in run["lines"] if i == "USER"]
        expect(users and users[-1].split(":")[0] not in ("root", "0"), "runtime stage: must switch to a non-root USER")
        envs = " ".join(r for i, r in run["lines"] if i == "ENV")
        expect(re.search(r"\bNODE_ENV=production\b", envs), "runtime stage: NODE_ENV=production missing")
        copies = [r for i, r in run["lines"] if i == "COPY"]
        expect(all(c.startswith("--from=") for c in copies), "runtime stage: may only COPY from the build stage")
        srcs = sorted(c.split()[-2] for c in copies)
        expect(srcs == ["/app/dist", "/app/node_modules", "/app/package.json"],
               f"runtime stage must copy only dist/, node_modules/, package.json, got {srcs}")
        hc = [r for i, r in run["lines"] if i == "HEALTHCHECK"]
        expect(len(hc) == 1, "runtime stage: exactly one HEALTHCHECK")
        if hc:
            cmd = exec_form(hc[0].split(" CMD ", 1)[-1].strip(), "HEALTHCHECK")
            joined = " ".join(cmd)
            expect(cmd[:2] == ["node", "-e"] and "fetch(" in joined and "http://127.0.0.1:" in joined
                   and "PODGATE_PORT" in joined and "/healthz" in joined and "curl" not in joined,
                   "HEALTHCHECK must use node's fetch against http://127.0.0.1:${PODGATE_PORT}/healthz")
        cmds = [r for i, r in run["lines"] if i == "CMD"]
        expect(cmds and exec_form(cmds[-1], "CMD") == ["node", "dist/apps/gateway/src/main.js"], "default CMD must run the gateway")
        froms = {r.split()[0][len("--from="):] for i, r in run["lines"] if i == "COPY"}
        expect(froms == {build["name"]}, f"runtime stage must copy from the `{build['name']}` stage, got {froms}")

    # Build inputs vs Dockerfile.dockerignore (allow-list): every path the
    # build stage COPYs from the context must be re-included.
    ign = [l.strip() for l in open(os.path.join(D, "Dockerfile.dockerignore")) if l.strip() and not l.startswith("#")]
    expect(ign and ign[0] == "*", "Dockerfile.dockerignore must start with `*` (allow-list)")
    reinc = {l[1:].rstrip("/") for l in ign if l.startswith("!")}
    for st in stages:
        for i, r in st["lines"]:
            if i == "COPY" and not r.startswith("--from="):
                for src in [t for t in r.split() if not t.startswith("--")][:-1]:
                    expect(src.rstrip("/") in reinc, f"Dockerfile.dockerignore excludes build input `{src}`")
    for must_not in ["node_modules", "dist", ".git", ".env", "data", "docker"]:
        expect(must_not not in reinc, f"Dockerfile.dockerignore re-includes `{must_not}`")

    # Entry points: dist/apps/<app>/src/main.js is compiled from apps/<app>/src/main.ts.
    for app in ["gateway", "projector", "cli"]:
        ts = os.path.join(root, "apps", app, "src", "main.ts")
        # A warning, not a failure: the apps are written in parallel with docker/
        # (the image build itself fails on a missing entry point: `test -f`).
        if not os.path.isfile(ts):
            print(f"warning: apps/{app}/src/main.ts not in the tree (yet): dist/apps/{app}/src/main.js would be missing from the image")

elif group == "certs-script":
    """Print the certs service's shell script (after compose interpolation)."""
    cfg = load(sys.argv[3])
    c = cfg["services"]["certs"]
    expect(c.get("entrypoint") == ["/bin/bash", "-ec"], "certs: entrypoint must be bash -ec")
    expect(len(c.get("command") or []) == 1, "certs: command must be one script")
    if not errors:
        sys.stdout.write(unescape(c["command"][0]))

elif group == "healthchecks":
    """Print the node healthcheck commands (Dockerfile, gateways, projector) as JSON."""
    cfg = load(sys.argv[3])
    text = open(os.path.join(D, "Dockerfile")).read()
    run = dockerfile_stages(text)[-1]
    hc = [r for i, r in run["lines"] if i == "HEALTHCHECK"][0]
    out = {"Dockerfile": exec_form(hc.split(" CMD ", 1)[-1].strip(), "HEALTHCHECK")}
    for name in ["gateway-1", "gateway-2", "projector"]:
        t = cfg["services"][name]["healthcheck"]["test"]
        expect(t[0] == "CMD", f"{name}: healthcheck must be exec form [\"CMD\", ...]")
        out[name] = [unescape(x) for x in t[1:]]
    if not errors:
        print(json.dumps(out))
else:
    errors.append(f"unknown group {group}")

for e in errors:
    print(e)
sys.exit(1 if errors else 0)
PY
)"

pycheck() { "$SYSPY" -c "$PYCHECKS" "$1" "$ROOT" "${@:2}"; }

# Prove: the resolved deployment is the one the brief describes and its
# parts are wired to each other (cert paths and volumes, connection strings vs
# the postgres/EventStoreDB services, depends_on targets having healthchecks,
# nginx upstreams vs gateway services, Dockerfile stages and COPYs vs the
# dockerignore allow-list, no literal secrets). Cannot: whether the images
# accept these settings at runtime (e.g. EventStoreDB option names are checked
# against a reviewed list, not against the server).
check_invariants_compose() { pycheck compose "$RESOLVED"; }
check_invariants_secrets() { pycheck secrets; }
check_invariants_nginx() { pycheck nginx "$RESOLVED"; }
check_invariants_dockerfile() { pycheck dockerfile; }

# Proves: the certs service's script (as bash will see it after Compose's
# $$ unescaping) parses and has no shellcheck findings. Cannot: run
# es-gencert-cli (not installable here).
check_certs_script() {
  pycheck certs-script "$RESOLVED" >"$WORK/certs.sh"
  bash -n "$WORK/certs.sh" && shellcheck -s bash "$WORK/certs.sh"
}

# Proves: nginx.conf is accepted by `nginx -t` (syntax, directive names and
# arguments, upstream/map blocks), on a copy whose upstream host names are
# replaced by 127.0.0.1 because nginx resolves them at load time. Cannot: the
# real resolution of gateway-1/2 in the compose network, behaviour under
# load, or anything added after nginx 1.22 (Debian bookworm's; the image is 1.27).
check_nginx_t() {
  mkdir -p "$WORK/nginx/logs"
  sed -E 's/^([[:space:]]*server[[:space:]]+)gateway-[0-9]+:/\1127.0.0.1:/' "$NGINX_CONF" >"$WORK/nginx/nginx.conf"
  if grep -nE '^[[:space:]]*server[[:space:]]+gateway' "$WORK/nginx/nginx.conf"; then
    echo "upstream host names left after rendering"
    return 1
  fi
  "$(nginx_bin)" -t -q -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g "pid $WORK/nginx/nginx.pid;"
}

# Proves: the Dockerfile parses (instructions, flags such as RUN --mount,
# COPY --from, HEALTHCHECK options) per dockerfile-utils' linter. Cannot:
# build it (no engine); hadolint's best-practice rules (not in Debian).
check_dockerfile_lint() {
  (cd "$WORK" && npm_config_update_notifier=false npm_config_loglevel=error \
    npm exec --yes --package="dockerfile-utils@$DOCKERFILE_UTILS_VERSION" -- dockerfile-utils lint "$DOCKERFILE")
}

# Proves: the healthcheck commands (Dockerfile HEALTHCHECK, compose gateway
# and projector overrides) really work with Node's fetch: exit 0 when
# /healthz answers 200 on the configured port, 1 on 503, on a wrong path
# and when nothing listens. Runs them with this machine's node (20), on
# loopback only. Cannot: prove the app's own /healthz.
check_healthcheck_commands() {
  pycheck healthchecks "$RESOLVED" >"$WORK/healthchecks.json"
  node - "$WORK/healthchecks.json" <<'JS'
const http = require('node:http');
const { spawn } = require('node:child_process');
const cmds = JSON.parse(require('node:fs').readFileSync(process.argv[2], 'utf8'));

const listen = (status) => new Promise((resolve) => {
  const srv = http.createServer((req, res) => {
    res.statusCode = req.url === '/healthz' ? status : 404;
    res.end();
  });
  srv.listen(0, '127.0.0.1', () => resolve(srv));
});
const run = (argv, port) => new Promise((resolve) => {
  const env = { ...process.env, PODGATE_PORT: String(port), PODGATE_PROJECTOR_PORT: String(port) };
  const p = spawn(argv[0], argv.slice(1), { env, stdio: 'ignore' });
  const t = setTimeout(() => p.kill('SIGKILL'), 10000);
  p.on('exit', (code) => { clearTimeout(t); resolve(code); });
});

(async () => {
  const up = await listen(200);
  const down = await listen(503);
  const closed = await listen(200);
  const closedPort = closed.address().port;
  await new Promise((r) => closed.close(r));
  let bad = 0;
  for (const [name, argv] of Object.entries(cmds)) {
    const cases = [
      ['200 on /healthz', up.address().port, 0],
      ['503 on /healthz', down.address().port, 1],
      ['nothing listening', closedPort, 1],
    ];
    for (const [what, port, want] of cases) {
      const got = await run(argv, port);
      if (got !== want) { bad++; console.log(`${name}: ${what}: exit ${got}, want ${want}`); }
    }
  }
  up.close(); down.close();
  process.exit(bad ? 1 : 0);
})();
JS
}

START=$SECONDS
check "script: bash -n + shellcheck"                           check_self
check "compose.yaml: yamllint (strict)"                        check_yamllint
check "compose.yaml: docker-compose config (schema, interpolation)" check_compose_config
if [ -s "$RESOLVED" ]; then
  check "compose.yaml: refuses to start without secrets"        check_compose_requires_secrets
  check "compose.yaml: topology and wiring invariants"          check_invariants_compose
  check "compose.yaml/.env.example: no committed secrets"       check_invariants_secrets
  check "nginx.conf: upstreams match compose, LB features"      check_invariants_nginx
  check "compose.yaml: certs script (bash -n + shellcheck)"     check_certs_script
  check "healthcheck commands: behaviour against a stub server" check_healthcheck_commands
else
  echo "(checks that need the resolved compose config skipped)"
  FAILED=$((FAILED + 1))
fi
check "nginx.conf: nginx -t (upstream hosts -> 127.0.0.1)"     check_nginx_t
check "Dockerfile: structure, dockerignore, entry points"      check_invariants_dockerfile
check "Dockerfile: dockerfile-utils lint"                      check_dockerfile_lint

echo "checks took $((SECONDS - START))s"
echo "validate-docker: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
