//! Registers admin routes and remembers them, so the access test can compare what is
//! really registered with the table of routes it checks (`API_ROUTES`, `PAGE_ROUTES`):
//! a route added without its line in the table makes the test fail.

use actix_web::{FromRequest, Handler, Responder, web};

pub struct Routes<'a> {
    cfg: Option<&'a mut web::ServiceConfig>,
    /// Prefix of the scope the routes live in, for the recorded paths.
    prefix: &'static str,
    pub seen: Vec<(&'static str, String)>,
}

impl<'a> Routes<'a> {
    /// Registers into `cfg`, recording each route with `prefix` in front.
    pub fn new(cfg: &'a mut web::ServiceConfig, prefix: &'static str) -> Routes<'a> {
        Routes {
            cfg: Some(cfg),
            prefix,
            seen: vec![],
        }
    }

    /// Records only (nothing is served): what `new` would register.
    pub fn recording(prefix: &'static str) -> Routes<'static> {
        Routes {
            cfg: None,
            prefix,
            seen: vec![],
        }
    }

    fn add<F, Args>(&mut self, method: &'static str, path: &'static str, handler: F) -> &mut Self
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.seen.push((method, format!("{}{path}", self.prefix)));
        if let Some(cfg) = self.cfg.as_deref_mut() {
            let route = match method {
                "GET" => web::get(),
                "POST" => web::post(),
                "PATCH" => web::patch(),
                "PUT" => web::put(),
                _ => web::delete(),
            };
            cfg.route(path, route.to(handler));
        }
        self
    }

    pub fn get<F, Args>(&mut self, path: &'static str, handler: F) -> &mut Self
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.add("GET", path, handler)
    }

    pub fn post<F, Args>(&mut self, path: &'static str, handler: F) -> &mut Self
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.add("POST", path, handler)
    }

    pub fn patch<F, Args>(&mut self, path: &'static str, handler: F) -> &mut Self
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.add("PATCH", path, handler)
    }

    pub fn put<F, Args>(&mut self, path: &'static str, handler: F) -> &mut Self
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.add("PUT", path, handler)
    }

    pub fn delete<F, Args>(&mut self, path: &'static str, handler: F) -> &mut Self
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.add("DELETE", path, handler)
    }
}
