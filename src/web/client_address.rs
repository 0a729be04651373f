//! Who the client is, for rate limits: the peer address, unless the peer is one of the
//! configured trusted proxies (`CONVIVE_TRUSTED_PROXIES`), whose `X-Forwarded-For` then
//! names it. Entries a client wrote itself are never believed: the list is read from
//! the right, skipping trusted proxies, and the first other address is the client.

use std::net::IpAddr;

use ipnet::IpNet;

#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    pub fn new(nets: Vec<IpNet>) -> TrustedProxies {
        TrustedProxies(nets)
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(&ip))
    }

    /// The client behind `peer`, given the `X-Forwarded-For` values of the request.
    pub fn client<'a>(&self, peer: IpAddr, forwarded: impl Iterator<Item = &'a str>) -> IpAddr {
        if !self.trusts(peer) {
            return peer;
        }
        let hops: Vec<&str> = forwarded
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .collect();
        let mut client = peer;
        for hop in hops.iter().rev() {
            match hop.parse::<IpAddr>() {
                Ok(ip) => {
                    client = ip;
                    if !self.trusts(ip) {
                        break;
                    }
                }
                // Not written by a proxy we trust: stop at the last address we believe.
                Err(_) => break,
            }
        }
        client
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proxies() -> TrustedProxies {
        TrustedProxies::new(vec![
            "127.0.0.1/32".parse().unwrap(),
            "10.0.0.0/8".parse().unwrap(),
        ])
    }

    fn client(peer: &str, xff: &[&str]) -> String {
        proxies()
            .client(peer.parse().unwrap(), xff.iter().copied())
            .to_string()
    }

    #[test]
    fn forwarded_addresses_count_only_behind_trusted_proxies() {
        // A client talking directly cannot pick its address.
        assert_eq!(client("203.0.113.9", &["198.51.100.1"]), "203.0.113.9");
        // Behind nginx: the address nginx saw.
        assert_eq!(client("127.0.0.1", &["198.51.100.1"]), "198.51.100.1");
        // What the client prepended is skipped; two trusted hops are walked through.
        assert_eq!(
            client("127.0.0.1", &["6.6.6.6, 198.51.100.1", "10.1.2.3"]),
            "198.51.100.1"
        );
        assert_eq!(client("127.0.0.1", &["garbage, 10.0.0.7"]), "10.0.0.7");
        assert_eq!(client("127.0.0.1", &[]), "127.0.0.1");
        assert_eq!(
            TrustedProxies::default()
                .client("127.0.0.1".parse().unwrap(), ["1.2.3.4"].into_iter())
                .to_string(),
            "127.0.0.1"
        );
    }
}
