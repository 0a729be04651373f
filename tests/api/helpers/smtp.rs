//! A real SMTP server for the tests (mailin-embedded on 127.0.0.1, a random port). It
//! records every message, and can answer 451 (temporary) a number of times, or 550 for
//! recipients whose address starts with `bounce`.

use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use mail_parser::MimeHeaders;
use mailin_embedded::response::{INTERNAL_ERROR, NO_MAILBOX, OK};
use mailin_embedded::{Handler, Response, Server};

#[derive(Clone, Debug)]
pub struct ReceivedMail {
    pub to: Vec<String>,
    pub raw: Vec<u8>,
}

impl ReceivedMail {
    pub fn parsed(&self) -> mail_parser::Message<'_> {
        mail_parser::MessageParser::default()
            .parse(&self.raw)
            .expect("a parsable message")
    }

    pub fn subject(&self) -> String {
        self.parsed().subject().unwrap_or_default().to_owned()
    }

    pub fn text(&self) -> String {
        self.parsed()
            .body_text(0)
            .map(|t| t.into_owned())
            .unwrap_or_default()
    }

    pub fn html(&self) -> String {
        self.parsed()
            .body_html(0)
            .map(|t| t.into_owned())
            .unwrap_or_default()
    }

    pub fn message_id(&self) -> String {
        self.parsed().message_id().unwrap_or_default().to_owned()
    }

    pub fn header(&self, name: &str) -> Option<String> {
        let raw = String::from_utf8_lossy(&self.raw);
        raw.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}: ")).map(str::to_owned))
    }

    /// The attachment with this content type (e.g. `text/calendar`), as text.
    pub fn attachment(&self, content_type: &str) -> Option<String> {
        let parsed = self.parsed();
        let (ctype, subtype) = content_type.split_once('/')?;
        parsed
            .attachments()
            .find(|a| a.is_content_type(ctype, subtype))
            .map(|a| String::from_utf8_lossy(a.contents()).into_owned())
    }

    /// The first link in the text body whose path contains `fragment`.
    pub fn link_containing(&self, fragment: &str) -> Option<String> {
        self.text()
            .split_whitespace()
            .find(|w| w.starts_with("http") && w.contains(fragment))
            .map(str::to_owned)
    }
}

#[derive(Default)]
struct State {
    messages: Vec<ReceivedMail>,
    temp_failures_left: u32,
    perm_failures_left: u32,
}

#[derive(Clone)]
struct Recorder {
    state: Arc<Mutex<State>>,
    to: Vec<String>,
    data: Vec<u8>,
}

impl Handler for Recorder {
    fn rcpt(&mut self, to: &str) -> Response {
        if to.starts_with("bounce") {
            return NO_MAILBOX;
        }
        OK
    }

    fn data_start(&mut self, _domain: &str, _from: &str, _is8bit: bool, to: &[String]) -> Response {
        let mut state = self.state.lock().unwrap();
        if state.temp_failures_left > 0 {
            state.temp_failures_left -= 1;
            return INTERNAL_ERROR;
        }
        if state.perm_failures_left > 0 {
            state.perm_failures_left -= 1;
            return NO_MAILBOX;
        }
        self.to = to.to_vec();
        self.data.clear();
        OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let mail = ReceivedMail {
            to: std::mem::take(&mut self.to),
            raw: std::mem::take(&mut self.data),
        };
        self.state.lock().unwrap().messages.push(mail);
        OK
    }
}

pub struct SmtpReceiver {
    pub port: u16,
    state: Arc<Mutex<State>>,
}

impl SmtpReceiver {
    pub fn start() -> SmtpReceiver {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        Self::start_on(listener)
    }

    /// Starts on an address picked earlier (to simulate a server coming back).
    pub fn start_on(listener: TcpListener) -> SmtpReceiver {
        let port = listener.local_addr().unwrap().port();
        let state = Arc::new(Mutex::new(State::default()));
        let recorder = Recorder {
            state: state.clone(),
            to: vec![],
            data: vec![],
        };
        let mut server = Server::new(recorder);
        server
            .with_name("receiver.test")
            .with_num_threads(48)
            .with_tcp_listener(listener);
        std::thread::spawn(move || {
            let _ = server.serve();
        });
        SmtpReceiver { port, state }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// The next `n` deliveries are answered 451.
    pub fn fail_temporarily(&self, n: u32) {
        self.state.lock().unwrap().temp_failures_left = n;
    }

    /// The next `n` deliveries are answered 550 (e.g. a mailbox that is fixed later).
    #[allow(dead_code)]
    pub fn fail_permanently(&self, n: u32) {
        self.state.lock().unwrap().perm_failures_left = n;
    }

    pub fn messages(&self) -> Vec<ReceivedMail> {
        self.state.lock().unwrap().messages.clone()
    }

    pub fn to(&self, address: &str) -> Vec<ReceivedMail> {
        self.messages()
            .into_iter()
            .filter(|m| m.to.iter().any(|t| t == address))
            .collect()
    }

    /// Waits until `address` has received `count` messages; returns them.
    pub async fn wait_for(&self, address: &str, count: usize) -> Vec<ReceivedMail> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let got = self.to(address);
            if got.len() >= count {
                return got;
            }
            assert!(
                Instant::now() < deadline,
                "{address} received {} of {count} messages",
                got.len()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the total number of messages reaches `count`.
    pub async fn wait_for_total(&self, count: usize, within: Duration) -> Vec<ReceivedMail> {
        let deadline = Instant::now() + within;
        loop {
            let got = self.messages();
            if got.len() >= count || Instant::now() > deadline {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}
