//! A response body kept with its gzip and brotli variants, each made once on first
//! demand, so a cached page costs no compression per request. The variant follows
//! `Accept-Encoding` the way the `Compress` middleware negotiates; a body sent as is (no
//! `Content-Encoding`) is still compressed by that middleware when the client asks for
//! another coding (deflate, zstd).

use std::io::Write;
use std::sync::OnceLock;

use actix_web::HttpRequest;
use actix_web::http::header::{AcceptEncoding, ContentEncoding, Encoding, Header};
use actix_web::web::Bytes;

pub struct Precompressed {
    identity: Bytes,
    gzip: OnceLock<Bytes>,
    brotli: OnceLock<Bytes>,
}

impl Precompressed {
    pub fn new(body: Bytes) -> Precompressed {
        Precompressed {
            identity: body,
            gzip: OnceLock::new(),
            brotli: OnceLock::new(),
        }
    }

    /// The body for this request, and the `Content-Encoding` to send with it (`None`:
    /// as is).
    pub fn for_request(&self, req: &HttpRequest) -> (Bytes, Option<ContentEncoding>) {
        let wanted = AcceptEncoding::parse(req).ok().and_then(|accept| {
            accept.negotiate([Encoding::brotli(), Encoding::gzip(), Encoding::identity()].iter())
        });
        match wanted {
            Some(e) if e == Encoding::brotli() => (
                self.brotli.get_or_init(|| brotli(&self.identity)).clone(),
                Some(ContentEncoding::Brotli),
            ),
            Some(e) if e == Encoding::gzip() => (
                self.gzip.get_or_init(|| gzip(&self.identity)).clone(),
                Some(ContentEncoding::Gzip),
            ),
            _ => (self.identity.clone(), None),
        }
    }
}

fn gzip(body: &[u8]) -> Bytes {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder
        .write_all(body)
        .and_then(|()| encoder.finish())
        .map(Bytes::from)
        .expect("writing to memory cannot fail")
}

fn brotli(body: &[u8]) -> Bytes {
    // Quality 6: about a millisecond for a page, paid once per cached version.
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 16 * 1024, 6, 22);
        writer
            .write_all(body)
            .expect("writing to memory cannot fail");
    }
    Bytes::from(out)
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use actix_web::test::TestRequest;

    use super::*;

    fn body() -> Precompressed {
        Precompressed::new(Bytes::from("<p>bonjour</p>".repeat(100)))
    }

    #[test]
    fn follows_accept_encoding() {
        let p = body();
        let plain = TestRequest::default().to_http_request();
        assert_eq!(p.for_request(&plain).1, None);

        let req = TestRequest::default()
            .insert_header(("Accept-Encoding", "gzip, deflate"))
            .to_http_request();
        let (gz, enc) = p.for_request(&req);
        assert_eq!(enc, Some(ContentEncoding::Gzip));
        let mut text = String::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text.as_bytes(), &p.identity[..]);

        let req = TestRequest::default()
            .insert_header(("Accept-Encoding", "br;q=1, gzip;q=0.5"))
            .to_http_request();
        let (br, enc) = p.for_request(&req);
        assert_eq!(enc, Some(ContentEncoding::Brotli));
        let mut text = Vec::new();
        brotli::Decompressor::new(&br[..], 4096)
            .read_to_end(&mut text)
            .unwrap();
        assert_eq!(&text[..], &p.identity[..]);
    }

    #[test]
    fn other_codings_are_left_to_the_middleware() {
        let req = TestRequest::default()
            .insert_header(("Accept-Encoding", "deflate"))
            .to_http_request();
        assert_eq!(body().for_request(&req).1, None);
    }
}
