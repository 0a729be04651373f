//! A deployment as README's "Running several instances" sets it up, on this machine:
//! one PostgreSQL database, `convive migrate`, `convive seed` and an organiser made once,
//! two `convive serve --no-worker` instances and two `convive worker` processes with
//! their own data dirs and the shared settings of `deploy/convive.env.example`, and
//! nginx loading `deploy/nginx/convive-proxy.conf` as it is (plain HTTP: no TLS here).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::helpers::PgTestDatabase;
use crate::helpers::smtp::SmtpReceiver;

pub const BINARY: &str = env!("CARGO_BIN_EXE_convive");
pub const PAGE_CACHE_MS: u64 = 1000;
pub const LEASE_SECONDS: u32 = 4;

pub struct Deployment {
    /// Dropped after the processes (fields drop in order).
    pub smtp: SmtpReceiver,
    /// nginx's address: what people use.
    pub front: String,
    pub instance_ports: [u16; 2],
    /// Behind locks so a process can be killed while requests are under way.
    instances: Mutex<[Option<Child>; 2]>,
    workers: Mutex<[Option<Child>; 2]>,
    nginx: Child,
    env: Vec<(String, String)>,
    pub dir: tempfile::TempDir,
    pub db: PgTestDatabase,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The nginx binary, or why the test cannot run.
pub fn nginx_binary() -> Result<PathBuf, String> {
    ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
        .ok_or_else(|| "nginx is not installed (Debian: apt-get install nginx)".to_owned())
}

impl Deployment {
    pub async fn start(admin_url: &str, media_url: &str, nginx: &Path) -> Deployment {
        let db = PgTestDatabase::create(admin_url);
        let smtp = SmtpReceiver::start();
        let dir = tempfile::tempdir().unwrap();
        let front_port = free_port();
        let front = format!("http://127.0.0.1:{front_port}");
        // What /etc/convive/convive.env holds (deploy/convive.env.example).
        let env: Vec<(String, String)> = [
            ("DATABASE_URL", db.url.as_str()),
            ("CONVIVE_PUBLIC_URL", &front),
            ("CONVIVE_TRUSTED_PROXIES", "127.0.0.1, ::1"),
            ("CONVIVE_MEDIA_URL", media_url),
            ("CONVIVE_SMTP_URL", &smtp.url()),
            ("CONVIVE_MAIL_FROM", "Convive <programme@convive.test>"),
            ("CONVIVE_PAGE_CACHE_MS", &PAGE_CACHE_MS.to_string()),
            ("CONVIVE_MAIL_LEASE_SECONDS", &LEASE_SECONDS.to_string()),
            ("CONVIVE_WORKERS", "2"),
            ("CONVIVE_LOG", "warn"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let instance_ports = [free_port(), free_port()];
        let d = Deployment {
            smtp,
            front,
            instance_ports,
            instances: Mutex::new([None, None]),
            workers: Mutex::new([None, None]),
            nginx: start_nginx(nginx, dir.path(), front_port, instance_ports),
            env,
            dir,
            db,
        };
        d.once(&["migrate"], None);
        d.once(&["seed"], None);
        d.once(
            &[
                "organiser",
                "create",
                "--email",
                "orga@convive.test",
                "--admin",
            ],
            Some(crate::helpers::visitor::PASSWORD),
        );
        for i in 0..2 {
            d.start_instance(i);
            d.start_worker(i);
        }
        for i in 0..2 {
            d.wait_ready(i).await;
        }
        wait_until_serving(&d.front, "/readyz", &d.dir.path().join("nginx-error.log")).await;
        d
    }

    /// A command of README's, with the shared settings and its own data dir.
    fn command(&self, args: &[&str], data_dir: &str) -> Command {
        let mut cmd = Command::new(BINARY);
        cmd.args(args)
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .env("CONVIVE_DATA_DIR", self.dir.path().join(data_dir))
            .env_remove("CONVIVE_SECRET_KEY")
            .stdin(Stdio::null());
        cmd
    }

    /// Runs a one-off command to its end; returns what it printed.
    pub fn once(&self, args: &[&str], stdin: Option<&str>) -> String {
        let mut cmd = self.command(args, "admin");
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        if stdin.is_some() {
            cmd.stdin(Stdio::piped());
        }
        let mut child = cmd.spawn().expect("convive runs");
        if let Some(text) = stdin {
            use std::io::Write;
            writeln!(child.stdin.take().unwrap(), "{text}").unwrap();
        }
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "convive {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn logged(&self, mut cmd: Command, name: &str) -> Child {
        let log = std::fs::File::create(self.dir.path().join(format!("{name}.log"))).unwrap();
        cmd.stdout(log.try_clone().unwrap()).stderr(log);
        cmd.spawn().expect("convive starts")
    }

    /// `convive serve --no-worker` on its port (`convive-serve@PORT`).
    pub fn start_instance(&self, i: usize) {
        let port = self.instance_ports[i];
        let mut cmd = self.command(&["serve", "--no-worker"], &format!("serve-{port}"));
        cmd.env("CONVIVE_BIND", format!("127.0.0.1:{port}"));
        let child = self.logged(cmd, &format!("serve-{port}"));
        self.instances.lock().unwrap()[i] = Some(child);
    }

    /// `convive worker` (`convive-worker@N`).
    pub fn start_worker(&self, i: usize) {
        let cmd = self.command(&["worker"], &format!("worker-{i}"));
        let child = self.logged(cmd, &format!("worker-{i}"));
        self.workers.lock().unwrap()[i] = Some(child);
    }

    /// SIGKILL: nothing is flushed, nothing is answered.
    pub fn kill_instance(&self, i: usize) {
        kill(self.instances.lock().unwrap()[i].take());
    }

    pub fn kill_worker(&self, i: usize) {
        kill(self.workers.lock().unwrap()[i].take());
    }

    pub fn instance(&self, i: usize) -> String {
        format!("http://127.0.0.1:{}", self.instance_ports[i])
    }

    pub async fn wait_ready(&self, i: usize) {
        let log = self
            .dir
            .path()
            .join(format!("serve-{}.log", self.instance_ports[i]));
        wait_until_serving(&self.instance(i), "/readyz", &log).await;
    }

    /// Both workers are still running (none died on its own).
    pub fn all_running(&self) -> bool {
        let alive =
            |c: &mut Option<Child>| c.as_mut().is_some_and(|c| c.try_wait().unwrap().is_none());
        self.workers.lock().unwrap().iter_mut().all(alive)
            && self.instances.lock().unwrap().iter_mut().all(alive)
    }
}

fn kill(child: Option<Child>) {
    if let Some(mut c) = child {
        // std's kill is SIGKILL on Unix.
        let _ = c.kill();
        let _ = c.wait();
    }
}

async fn wait_until_serving(base: &str, path: &str, log: &Path) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(res) = reqwest::get(format!("{base}{path}")).await
            && res.status() == 200
        {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{base} never became ready: {}",
            std::fs::read_to_string(log).unwrap_or_default()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn start_nginx(nginx: &Path, dir: &Path, port: u16, upstreams: [u16; 2]) -> Child {
    let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy/nginx/convive-proxy.conf");
    let d = dir.display();
    let conf = format!(
        "daemon off;\nuser root;\nworker_processes 1;\npid {d}/nginx.pid;\n\
         error_log {d}/nginx-error.log warn;\nevents {{ worker_connections 1024; }}\n\
         http {{\n  access_log {d}/nginx-access.log;\n\
           client_body_temp_path {d}/nginx-body;\n  proxy_temp_path {d}/nginx-proxy;\n\
           fastcgi_temp_path {d}/nginx-fastcgi;\n  uwsgi_temp_path {d}/nginx-uwsgi;\n\
           scgi_temp_path {d}/nginx-scgi;\n\
           proxy_cache_path {d}/nginx-cache keys_zone=convive_assets:1m;\n\
           upstream convive {{\n    server 127.0.0.1:{a} max_fails=1 fail_timeout=5s;\n\
             server 127.0.0.1:{b} max_fails=1 fail_timeout=5s;\n    keepalive 32;\n  }}\n\
           server {{\n    listen 127.0.0.1:{port};\n    include {site};\n  }}\n}}\n",
        a = upstreams[0],
        b = upstreams[1],
        site = site.display(),
    );
    let path = dir.join("nginx.conf");
    std::fs::write(&path, conf).unwrap();
    let log = std::fs::File::create(dir.join("nginx.log")).unwrap();
    Command::new(nginx)
        .arg("-c")
        .arg(&path)
        .arg("-p")
        .arg(dir)
        .arg("-e")
        .arg(dir.join("nginx-error.log"))
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .spawn()
        .expect("nginx starts")
}

impl Drop for Deployment {
    fn drop(&mut self) {
        for i in 0..2 {
            self.kill_instance(i);
            self.kill_worker(i);
        }
        // SIGTERM: nginx's master stops its worker with it.
        unsafe {
            libc::kill(self.nginx.id() as i32, libc::SIGTERM);
        }
        let _ = self.nginx.wait();
    }
}
