"""`bench/run --pg --instances N`: the scenarios through nginx, first in front of one
instance, then in front of N, on one PostgreSQL database in the same run, and the
scaling ratio of each scenario (N instances' req/s over one's).

nginx loads deploy/nginx/convive-proxy.conf as it is (plain HTTP: no TLS here), as the
multi-process test does. Each instance is `convive serve` (its worker included) with its
own data dir and the shared settings; the secret key is the one the run sets.
"""

import os
import shutil
import signal
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Nginx:
    def __init__(self, work, port, upstream_ports):
        self.dir = os.path.join(work, f"nginx-{port}")
        os.makedirs(self.dir, exist_ok=True)
        self.port = port
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        if not os.path.exists(binary):
            sys.exit("bench: nginx is missing (Debian: apt-get install -y nginx)")
        site = os.path.join(ROOT, "deploy", "nginx", "convive-proxy.conf")
        d = self.dir
        servers = "".join(f"    server 127.0.0.1:{p};\n" for p in upstream_ports)
        conf = (
            f"daemon off;\nuser root;\nworker_processes auto;\npid {d}/nginx.pid;\n"
            f"error_log {d}/error.log warn;\nevents {{ worker_connections 4096; }}\n"
            f"http {{\n  access_log off;\n  client_body_temp_path {d}/body;\n"
            f"  proxy_temp_path {d}/proxy;\n  fastcgi_temp_path {d}/fastcgi;\n"
            f"  uwsgi_temp_path {d}/uwsgi;\n  scgi_temp_path {d}/scgi;\n"
            f"  proxy_cache_path {d}/cache keys_zone=convive_assets:1m;\n"
            f"  upstream convive {{\n{servers}    keepalive 64;\n  }}\n"
            f"  server {{\n    listen 127.0.0.1:{port};\n    include {site};\n  }}\n}}\n")
        path = os.path.join(d, "nginx.conf")
        with open(path, "w") as f:
            f.write(conf)
        self.proc = subprocess.Popen([binary, "-c", path, "-p", d, "-e",
                                      os.path.join(d, "error.log")],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            self.proc.wait(timeout=15)


class Front:
    """What Bench needs of a server (base URL, binary, env, data dir, RSS), for nginx in
    front of several instances."""

    def __init__(self, servers, nginx):
        self.servers, self.nginx = servers, nginx
        first = servers[0]
        self.binary, self.data_dir, self.env = first.binary, first.data_dir, first.env
        self.port = nginx.port

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def peak_rss_mb(self):
        return sum(s.peak_rss_mb() or 0 for s in self.servers)

    def stop(self):
        self.nginx.stop()
        for s in self.servers:
            s.stop()


def start(count, make_server, work, free_port, http_status):
    """`count` instances (make_server(i) builds each) behind a new nginx."""
    import time
    servers = [make_server(i) for i in range(count)]
    for s in servers:
        s.start()
    for s in servers:
        s.wait_ready()
    nginx = Nginx(work, free_port(), [s.port for s in servers])
    deadline = time.monotonic() + 10
    while http_status(nginx.port, "/readyz") != 200:
        if time.monotonic() > deadline:
            sys.exit(f"bench: nginx did not answer; see {nginx.dir}/error.log")
        time.sleep(0.05)
    return Front(servers, nginx)


def print_scaling(count, one, many):
    """The ratio of each scenario's req/s with `count` instances over one's."""
    print()
    print(f"Scaling through nginx: 1 instance → {count} instances, same run, same database")
    print()
    print(f"| scenario | 1 instance req/s | {count} instances req/s | ratio |")
    print("|---|---:|---:|---:|")
    by_name = {r.name: r for r in one}
    for r in many:
        base = by_name.get(r.name)
        if base is None or base.rps is None or r.rps is None:
            continue
        print(f"| {r.name} | {base.rps:,.0f} | {r.rps:,.0f} | {r.rps / base.rps:.2f} |")
    print()
