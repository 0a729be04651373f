//! The `convive` command line.

use std::io::{BufRead, IsTerminal};

use clap::{Parser, Subcommand};

use crate::db::seed;
use crate::domain::{EmailAddress, Locale};
use crate::services::accounts::api_tokens::TokenRequest;
use crate::services::accounts::organisers;
use crate::services::accounts::passwords;
use crate::settings::Settings;
use crate::startup::{Application, first_start, open_database};

#[derive(Parser)]
#[command(
    name = "convive",
    version,
    about = "Convive: a multilingual webinar programme and training videos platform",
    long_about = "Convive runs a programme of webinars and training video modules in French, \
English and Arabic. Without a sub-command it serves the site.\n\nSettings come from \
CONVIVE_* environment variables (and DATABASE_URL), or a TOML file named by CONVIVE_CONFIG; \
see README.md."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Apply migrations, seed an empty database and serve HTTP (the default)
    Serve {
        /// Do not run the mail and job worker in this process
        #[arg(long)]
        no_worker: bool,
    },
    /// Run the mail and job worker alone (extra instances on PostgreSQL)
    Worker,
    /// Apply the database migrations
    Migrate,
    /// Load the seed programme (idempotent)
    Seed,
    /// Manage organiser accounts
    Organiser {
        #[command(subcommand)]
        command: OrganiserCommand,
    },
    /// Copy the live SQLite database to PATH (consistent while the server writes);
    /// PostgreSQL databases are backed up with pg_dump
    Backup {
        /// The new file to write (must not exist yet)
        path: std::path::PathBuf,
    },
    /// Mail tools
    Mail {
        #[command(subcommand)]
        command: MailCommand,
    },
}

#[derive(Subcommand)]
enum MailCommand {
    /// Send a test message through the configured transport (SMTP or .eml files)
    Test {
        #[arg(long)]
        to: String,
        #[arg(long, default_value = "fr")]
        lang: String,
    },
}

#[derive(Subcommand)]
enum OrganiserCommand {
    /// Create an organiser; the password is read from stdin, or generated and printed
    Create {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "Organiser")]
        name: String,
        /// Give the account the admin role (manages organisers)
        #[arg(long)]
        admin: bool,
        /// Language of the account
        #[arg(long, default_value = "fr")]
        lang: String,
    },
    /// Print a new API token for an organiser (`Authorization: Bearer <token>`)
    Token {
        #[arg(long)]
        email: String,
        /// What it may do, comma-separated: read, registrants, campaigns, content, admin
        #[arg(long, default_value = "admin")]
        scope: String,
        /// The day it stops working (YYYY-MM-DD, UTC); none by default
        #[arg(long, default_value = "")]
        expires: String,
        /// A name to recognise it by in the back office
        #[arg(long, default_value = "command line")]
        name: String,
    },
}

pub fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let settings = Settings::load()?;
    match cli.command.unwrap_or(Command::Serve { no_worker: false }) {
        Command::Serve { no_worker } => serve(settings, !no_worker),
        Command::Worker => worker(settings),
        Command::Mail {
            command: MailCommand::Test { to, lang },
        } => mail_test(settings, &to, &lang),
        Command::Backup { path } => backup(&settings, &path),
        Command::Migrate => {
            let db = open_database(&settings)?;
            println!("Migrations applied ({:?} database).", db.backend);
            Ok(())
        }
        Command::Seed => {
            let db = open_database(&settings)?;
            let report = seed::seed(&db)?;
            println!(
                "Seed loaded: {} webinars, {} sessions, {} replays, {} modules, {} lessons added.",
                report.webinars, report.sessions, report.replays, report.modules, report.lessons
            );
            Ok(())
        }
        Command::Organiser {
            command:
                OrganiserCommand::Create {
                    email,
                    name,
                    admin,
                    lang,
                },
        } => create_organiser(&settings, &email, &name, admin, &lang),
        Command::Organiser {
            command:
                OrganiserCommand::Token {
                    email,
                    scope,
                    expires,
                    name,
                },
        } => organiser_token(&settings, &email, &name, &scope, &expires),
    }
}

fn serve(settings: Settings, with_worker: bool) -> anyhow::Result<()> {
    actix_web::rt::System::new().block_on(async move {
        let db = open_database(&settings)?;
        first_start(&db, &settings)?;
        let url = settings.public_url();
        let app = Application::build(settings, db, with_worker)?;
        println!("Convive is running: open {url}/");
        app.run().await?;
        Ok(())
    })
}

fn backup(settings: &Settings, path: &std::path::Path) -> anyhow::Result<()> {
    if settings
        .database_url
        .as_deref()
        .is_some_and(|u| u.starts_with("postgres://") || u.starts_with("postgresql://"))
    {
        anyhow::bail!(
            "`convive backup` copies SQLite databases only; for PostgreSQL use pg_dump \
             (e.g. `pg_dump --format=custom --file=convive.dump \"$DATABASE_URL\"`)"
        );
    }
    let source = settings
        .database_url
        .as_deref()
        .map(|u| std::path::PathBuf::from(u.trim_start_matches("sqlite://")))
        .unwrap_or_else(|| settings.data_dir.join("convive.db"));
    if !source.is_file() {
        anyhow::bail!("no SQLite database at {} to back up", source.display());
    }
    let db = crate::db::Db::connect(settings.database_url.as_deref(), &settings.data_dir)?;
    db.backup_to(path)?;
    println!("Database copied to {}.", path.display());
    Ok(())
}

fn create_organiser(
    settings: &Settings,
    email: &str,
    name: &str,
    admin: bool,
    lang: &str,
) -> anyhow::Result<()> {
    let email =
        EmailAddress::parse(email).map_err(|_| anyhow::anyhow!("--email: not a valid address"))?;
    let locale: Locale = lang.parse()?;
    let stdin = std::io::stdin();
    let (password, generated) = if stdin.is_terminal() {
        (passwords::generate(), true)
    } else {
        let mut line = String::new();
        stdin.lock().read_line(&mut line)?;
        let line = line.trim_end_matches(['\r', '\n']).to_owned();
        if line.is_empty() {
            (passwords::generate(), true)
        } else {
            (line, false)
        }
    };
    let db = open_database(settings)?;
    let mut conn = db.conn()?;
    organisers::create(&mut conn, &email, name, &password, admin, locale)?;
    if generated {
        println!("Organiser {email} created. Password (shown once): {password}");
    } else {
        println!("Organiser {email} created.");
    }
    Ok(())
}

fn organiser_token(
    settings: &Settings,
    email: &str,
    name: &str,
    scope: &str,
    expires: &str,
) -> anyhow::Result<()> {
    let email =
        EmailAddress::parse(email).map_err(|_| anyhow::anyhow!("--email: not a valid address"))?;
    let today = chrono::Utc::now().date_naive();
    let request = TokenRequest::parse(name, scope, expires, today).map_err(|errors| {
        let said: Vec<_> = errors
            .iter()
            .map(|(field, _)| match *field {
                "scopes" => {
                    "--scope: read, registrants, campaigns, content or admin, comma-separated"
                }
                "expires" => "--expires: a day after today, as YYYY-MM-DD",
                _ => "--name: at most 80 characters",
            })
            .collect();
        anyhow::anyhow!(said.join("; "))
    })?;
    let db = open_database(settings)?;
    let mut conn = db.conn()?;
    match organisers::new_api_token(&mut conn, &email, &request)? {
        Some(token) => {
            println!("{token}");
            Ok(())
        }
        None => anyhow::bail!("{email} is not an organiser account"),
    }
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?)
}

fn worker(settings: Settings) -> anyhow::Result<()> {
    let db = open_database(&settings)?;
    runtime()?.block_on(async move {
        // The SMTP pool needs a running runtime.
        let worker = crate::jobs::Worker::from_settings(&settings, db)?;
        println!(
            "Convive worker running ({}).",
            worker.mailer.transport.describe()
        );
        tokio::select! {
            _ = worker.run() => {}
            _ = tokio::signal::ctrl_c() => println!("Worker stopped."),
        }
        anyhow::Ok(())
    })
}

fn mail_test(settings: Settings, to: &str, lang: &str) -> anyhow::Result<()> {
    let to = EmailAddress::parse(to).map_err(|_| anyhow::anyhow!("--to: not a valid address"))?;
    let locale: Locale = lang.parse()?;
    let db = open_database(&settings)?;
    {
        let mut conn = db.conn()?;
        crate::mail::kinds::enqueue(&mut conn, &to, locale, &crate::mail::MailKind::Test)?;
    }
    let mail_settings = settings.clone();
    let mail_db = db.clone();
    runtime()?.block_on(async move {
        let mailer = crate::mail::mailer(&mail_settings, mail_db)?;
        // Deliver what is due now, this test message included.
        while mailer.process_batch().await? > 0 {}
        anyhow::Ok(())
    })?;
    let mut conn = db.conn()?;
    let (status, error) = crate::db::outbox::latest_for(&mut conn, to.as_str())?;
    match status.as_str() {
        "sent" => {
            println!(
                "Test message sent to {to} through {}.",
                mailer_description(&settings)
            );
            Ok(())
        }
        other => anyhow::bail!(
            "the test message is {other}: {}",
            error.unwrap_or_else(|| "no error recorded".to_owned())
        ),
    }
}

fn mailer_description(settings: &Settings) -> String {
    match &settings.smtp_url {
        Some(_) => "SMTP".to_owned(),
        None => format!(".eml files in {}", settings.data_dir.join("mail").display()),
    }
}
