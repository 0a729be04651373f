//! `/{lang}/admin/` (the dashboard) and `GET /api/v1/admin/stats`.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::domain::Locale;
use crate::i18n::catalog;
use crate::services::dashboard::{self, Stats};
use crate::web::error::AppError;
use crate::web::lang::negotiate;
use crate::web::page::PageCtx;
use crate::web::state::{AppState, Pages};

use super::auth::Organiser;
use super::charts::{self, Chart};
use super::shell::{AdminNav, respond};

#[derive(Template)]
#[template(path = "admin/dashboard.html")]
struct DashboardPage {
    page: PageCtx,
    nav: AdminNav,
    stats: Stats,
    over_time: Chart,
    charts: Vec<Chart>,
}

fn label(locale: Locale) -> impl Fn(&str, &str) -> String {
    move |what, code| {
        let id = match what {
            "language" => format!("language-{code}"),
            "country" => format!("country-{code}"),
            _ => format!("registration-function-{code}"),
        };
        if catalog().has(locale, &id) {
            catalog().plain(locale, &id, &[])
        } else {
            code.to_owned()
        }
    }
}

async fn load(state: &AppState, locale: Locale) -> Result<Stats, AppError> {
    Ok(state
        .run(Pages::Unchanged, move |c| {
            dashboard::stats(c, locale, label(locale))
        })
        .await?)
}

pub async fn show_dashboard(
    who: Organiser,
    page: PageCtx,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let stats = load(&state, page.locale).await?;
    let rtl = page.locale.is_rtl();
    let count = page.t("admin-col-registrations");
    let headers = |id: &str| (page.t(id), count.clone());
    let desc = |id: &str, rows: &[crate::services::dashboard::Count]| {
        let top: Vec<String> = rows
            .iter()
            .take(3)
            .map(|r| format!("{} {}", r.label, r.value))
            .collect();
        format!("{} {}", page.t(id), top.join(", "))
    };
    let over_time = charts::columns(
        "per-day",
        page.tn("admin-dashboard-per-day", dashboard::DAYS),
        desc("admin-dashboard-per-day-desc", &stats.per_day),
        headers("admin-col-day"),
        &stats.per_day,
        rtl,
    );
    let horizontal = |id: &'static str, title: &str, col: &str, rows: &[_]| {
        charts::horizontal(
            id,
            page.t(title),
            desc("admin-dashboard-top", rows),
            headers(col),
            rows,
            rtl,
        )
    };
    let per = [
        ("per-webinar", "admin-col-webinar", &stats.per_webinar),
        ("per-language", "admin-col-language", &stats.per_language),
        ("per-country", "admin-col-country", &stats.per_country),
        ("per-function", "admin-col-function", &stats.per_function),
    ];
    let mut all: Vec<_> = per
        .into_iter()
        .map(|(id, col, rows)| horizontal(id, &format!("admin-dashboard-{id}"), col, rows))
        .collect();
    let mut views = horizontal(
        "replay-views",
        "admin-dashboard-replay-views-per-webinar",
        "admin-col-webinar",
        &stats.replay_views_per_webinar,
    );
    views.value_header = page.t("admin-dashboard-replay-views");
    all.push(views);
    respond(
        &page,
        &DashboardPage {
            nav: AdminNav::new(&who, "dashboard"),
            page: page.clone(),
            stats,
            over_time,
            charts: all,
        },
        false,
    )
}

pub async fn get_stats(
    _who: Organiser,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let stats = load(&state, negotiate(&req)).await?;
    Ok(HttpResponse::Ok().json(stats))
}
