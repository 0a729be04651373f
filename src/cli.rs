//! The `convive` command line.

use std::io::{BufRead, IsTerminal};

use clap::{Parser, Subcommand};

use crate::db::seed;
use crate::domain::{EmailAddress, Locale};
use crate::services::{organisers, passwords};
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
    /// Apply the database migrations
    Migrate,
    /// Load the seed programme (idempotent)
    Seed,
    /// Manage organiser accounts
    Organiser {
        #[command(subcommand)]
        command: OrganiserCommand,
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
}

pub fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let settings = Settings::load()?;
    match cli.command.unwrap_or(Command::Serve { no_worker: false }) {
        Command::Serve { no_worker: _ } => serve(settings),
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
    }
}

fn serve(settings: Settings) -> anyhow::Result<()> {
    actix_web::rt::System::new().block_on(async move {
        let db = open_database(&settings)?;
        first_start(&db, &settings)?;
        let url = settings.public_url();
        let app = Application::build(settings, db)?;
        println!("Convive is running: open {url}/");
        app.run().await?;
        Ok(())
    })
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
