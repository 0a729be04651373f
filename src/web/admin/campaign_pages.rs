//! Back-office pages of invitation campaigns: the list, one campaign with its validation
//! report, funnel and invitees, and the send / remind buttons. Organisers only.

use actix_session::Session;
use actix_web::http::header;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::services::campaigns::funnel::{Funnel, FunnelCounts, InviteeRow};
use crate::services::campaigns::lookup::{self as q, Campaign, target_label};
use crate::services::campaigns::{self, Report};
use crate::web::csrf;
use crate::web::error::AppError;
use crate::web::page::{PageCtx, render};
use crate::web::state::{AppState, Pages};

use super::auth::Organiser;
use super::shell::AdminNav;

/// Invitees shown per page of a campaign.
const INVITEES_PER_PAGE: usize = 100;

/// The funnel stages in order, as shown in totals and per invitee.
pub const STAGES: [&str; 9] = [
    "queued",
    "sent",
    "failed",
    "unsubscribed",
    "clicked",
    "registered",
    "confirmed",
    "attended",
    "watched",
];

/// A campaign in the list.
pub struct CampaignItem {
    pub campaign: Campaign,
    pub target: String,
    pub counts: FunnelCounts,
}

#[derive(Template)]
#[template(path = "admin/campaigns.html")]
struct ListPage {
    page: PageCtx,
    nav: AdminNav,
    campaigns: Vec<CampaignItem>,
    deleted: bool,
}

#[derive(Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    deleted: Option<u8>,
}

pub async fn list_campaigns(
    who: Organiser,
    page: PageCtx,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let locale = page.locale;
    let campaigns = state
        .run(Pages::Unchanged, move |c| {
            let mut out = vec![];
            for campaign in q::all(c)? {
                let counts = campaigns::funnel::funnel(c, campaign.id)?.counts;
                let target = target_label(c, locale, &campaign)?;
                out.push(CampaignItem {
                    campaign,
                    target,
                    counts,
                });
            }
            Ok(out)
        })
        .await?;
    render(
        &page,
        &ListPage {
            nav: AdminNav::new(&who, "campaigns"),
            page: page.clone(),
            campaigns,
            deleted: query.deleted.is_some(),
        },
    )
}

/// One funnel total with its label.
pub struct Total {
    pub stage: &'static str,
    pub count: usize,
}

#[derive(Template)]
#[template(path = "admin/campaign.html")]
struct CampaignPage {
    page: PageCtx,
    nav: AdminNav,
    csrf: String,
    campaign: Campaign,
    target: String,
    report: Report,
    duplicate_lines: String,
    invited: usize,
    totals: Vec<Total>,
    /// Invitees not sent yet (the send button shows while there are some).
    pending: usize,
    suppressed: usize,
    /// Invitees a reminder would go to.
    to_remind: usize,
    in_flight: usize,
    /// Progress of sending: (done, of).
    progress: (usize, usize),
    invitees: Vec<InviteeRow>,
    stage: String,
    page_no: usize,
    pages: usize,
    notice: Option<(&'static str, usize)>,
    not_deleted: bool,
}

impl CampaignPage {
    fn stage_href(&self, stage: &str, page_no: usize) -> String {
        let base = self
            .page
            .href(&format!("/admin/campaigns/{}", self.campaign.id));
        match (stage.is_empty(), page_no) {
            (true, 1) => base,
            (true, n) => format!("{base}?page={n}"),
            (false, n) => format!("{base}?stage={stage}&page={n}"),
        }
    }

    fn flag(&self, on: &bool) -> &'static str {
        if *on { "✓" } else { "" }
    }

    /// A funnel stage's name in the page's language.
    fn stage_name(&self, stage: &str) -> String {
        self.page.t(&format!("admin-campaign-stage-{stage}"))
    }
}

#[derive(Deserialize)]
pub struct CampaignQuery {
    #[serde(default)]
    stage: String,
    page: Option<usize>,
    sent: Option<usize>,
    reminded: Option<usize>,
    #[serde(rename = "not-deleted")]
    not_deleted: Option<u8>,
}

pub async fn show_campaign(
    who: Organiser,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    query: web::Query<CampaignQuery>,
) -> Result<HttpResponse, AppError> {
    let (_, id) = path.into_inner();
    let locale = page.locale;
    let (campaign, funnel, target) = state
        .run(Pages::Unchanged, move |c| {
            let campaign = q::campaign(c, id)?;
            let funnel = campaigns::funnel::funnel(c, id)?;
            let target = target_label(c, locale, &campaign)?;
            Ok((campaign, funnel, target))
        })
        .await?;
    let query = query.into_inner();
    let stage = if STAGES.contains(&query.stage.as_str())
        || ["pending", "suppressed"].contains(&query.stage.as_str())
    {
        query.stage.clone()
    } else {
        String::new()
    };
    let shown = Shown::of(&funnel, &stage, query.page);
    let counts = &funnel.counts;
    let notice = match (query.sent, query.reminded) {
        (Some(n), _) => Some(("admin-campaign-sent-notice", n)),
        (_, Some(n)) => Some(("admin-campaign-reminded-notice", n)),
        _ => None,
    };
    let not_deleted = query.not_deleted.is_some();
    let report = campaigns::stored_report(&campaign);
    let duplicate_lines = report
        .duplicate_lines
        .iter()
        .map(|l| l.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    render(
        &page,
        &CampaignPage {
            nav: AdminNav::new(&who, "campaigns"),
            page: page.clone(),
            csrf: csrf::token(&session),
            target,
            duplicate_lines,
            report,
            invited: counts.invited,
            progress: (counts.sent + counts.failed, counts.queued),
            totals: shown.totals,
            pending: shown.pending,
            suppressed: shown.suppressed,
            to_remind: shown.to_remind,
            in_flight: funnel.in_flight,
            invitees: shown.invitees,
            stage,
            page_no: shown.page_no,
            pages: shown.pages,
            notice,
            not_deleted,
            campaign,
        },
    )
}

/// What the campaign page shows of its funnel: totals, counts of invitees in each state,
/// and one page of the invitees the stage filter selects.
struct Shown {
    totals: Vec<Total>,
    pending: usize,
    suppressed: usize,
    to_remind: usize,
    invitees: Vec<InviteeRow>,
    page_no: usize,
    pages: usize,
}

impl Shown {
    fn of(funnel: &Funnel, stage: &str, page: Option<usize>) -> Shown {
        let count =
            |f: &dyn Fn(&InviteeRow) -> bool| funnel.invitees.iter().filter(|i| f(i)).count();
        let selected: Vec<&InviteeRow> = funnel
            .invitees
            .iter()
            .filter(|i| stage.is_empty() || i.stage == stage || stage_flag(i, stage))
            .collect();
        let pages = selected.len().div_ceil(INVITEES_PER_PAGE).max(1);
        let page_no = page.unwrap_or(1).clamp(1, pages);
        Shown {
            totals: STAGES
                .iter()
                .map(|s| Total {
                    stage: s,
                    count: stage_count(&funnel.counts, s),
                })
                .collect(),
            pending: count(&|i| i.stage == "pending"),
            suppressed: count(&|i| i.stage == "suppressed"),
            to_remind: count(&|i| i.needs_reminder()),
            invitees: selected
                .into_iter()
                .skip((page_no - 1) * INVITEES_PER_PAGE)
                .take(INVITEES_PER_PAGE)
                .cloned()
                .collect(),
            page_no,
            pages,
        }
    }
}

/// An invitee counts under a stage filter when it reached that stage, even if it went
/// further (the filter "clicked" also lists those who then registered).
fn stage_flag(i: &InviteeRow, stage: &str) -> bool {
    match stage {
        "queued" => i.queued,
        "sent" => i.sent,
        "failed" => i.failed,
        "unsubscribed" => i.unsubscribed,
        "clicked" => i.clicked,
        "registered" => i.registered,
        "confirmed" => i.confirmed,
        "attended" => i.attended,
        "watched" => i.watched,
        _ => false,
    }
}

pub fn stage_count(c: &FunnelCounts, stage: &str) -> usize {
    match stage {
        "queued" => c.queued,
        "sent" => c.sent,
        "failed" => c.failed,
        "unsubscribed" => c.unsubscribed,
        "clicked" => c.clicked,
        "registered" => c.registered,
        "confirmed" => c.confirmed,
        "attended" => c.attended,
        "watched" => c.watched,
        _ => 0,
    }
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

fn back_to(page: &PageCtx, id: i64, query: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((
            header::LOCATION,
            format!("{}?{query}", page.href(&format!("/admin/campaigns/{id}"))),
        ))
        .finish()
}

/// Sends the invitations not sent yet (sending again sends nothing more).
pub async fn send_campaign(
    who: Organiser,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<CsrfForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    let (_, id) = path.into_inner();
    let actor = who.id();
    let queued = state
        .run(Pages::Unchanged, move |c| campaigns::send(c, actor, id))
        .await?;
    Ok(back_to(&page, id, &format!("sent={queued}")))
}

/// Deletes a campaign that was never sent.
pub async fn delete_campaign(
    who: Organiser,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<CsrfForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    let (_, id) = path.into_inner();
    let actor = who.id();
    let deleted = state
        .run(Pages::Unchanged, move |c| {
            campaigns::drafts::delete_draft(c, actor, id)
        })
        .await?;
    if !deleted {
        return Ok(back_to(&page, id, "not-deleted=1"));
    }
    Ok(HttpResponse::SeeOther()
        .insert_header((
            header::LOCATION,
            format!("{}?deleted=1", page.href("/admin/campaigns")),
        ))
        .finish())
}

/// Reminds the invitees who have not answered.
pub async fn remind_campaign(
    who: Organiser,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<CsrfForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    let (_, id) = path.into_inner();
    let actor = who.id();
    let queued = state
        .run(Pages::Unchanged, move |c| campaigns::remind(c, actor, id))
        .await?;
    Ok(back_to(&page, id, &format!("reminded={queued}")))
}
