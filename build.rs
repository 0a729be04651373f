// Rebuild when embedded files change: locales, assets, templates and migrations are
// compiled into the binary.
fn main() {
    for dir in [
        "locales",
        "assets",
        "templates",
        "migrations",
        "src/db/seed",
    ] {
        println!("cargo:rerun-if-changed={dir}");
    }
}
