//! The `lactosim` command on the desktop: with no subcommand it opens the window; `run` simulates headless,
//! `ensemble` simulates mothers like the preset's, `ask` answers a parent's question, `check` validates preset files and `validate` runs the model against the published figures.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};

use lactosim::{Scenario, SimOptions, export, simulate_with, summary};

#[derive(Parser)]
#[command(
    name = "lactosim",
    version,
    about = "See how breast-milk supply is controlled: prolactin, oxytocin and each breast's own feedback.",
    long_about = "With no subcommand, opens the explorer window on the default scenario (or on PRESET)."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// A preset to open in the window, or a lactosim link ('https://…#s=…').
    preset: Option<PathBuf>,
    /// Start the window on the built-in default scenario, not on the one left open last time.
    #[arg(long)]
    fresh: bool,
    /// A preset whose run is pinned as the baseline, to compare PRESET (or the default) with.
    #[arg(long, value_name = "BASELINE")]
    compare: Option<PathBuf>,
    /// Size of the window in points, e.g. 1920x1080 (for figures of a known size).
    #[arg(long, value_name = "WIDTHxHEIGHT", value_parser = parse_size)]
    size: Option<[f32; 2]>,
    /// Open the parent's or the clinician's view without asking (the window asks at first
    /// start and remembers).
    #[arg(long = "as", value_name = "WHO", value_enum)]
    audience: Option<Who>,
}

/// Who is looking (`--as`).
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum Who {
    Parent,
    Clinician,
}

fn parse_size(s: &str) -> Result<[f32; 2], String> {
    let (w, h) = s
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("expected WIDTHxHEIGHT, e.g. 1280x800, not {s:?}"))?;
    let parse = |v: &str| {
        v.trim()
            .parse::<f32>()
            .ok()
            .filter(|v| (200.0..=10_000.0).contains(v))
            .ok_or_else(|| format!("{v:?} is not a window size between 200 and 10000"))
    };
    Ok([parse(w)?, parse(h)?])
}

#[derive(Subcommand)]
enum Command {
    /// Simulate a preset (or the default scenario) and print a per-day table.
    Run {
        /// The preset file (RON); the built-in default scenario if left out.
        preset: Option<PathBuf>,
        /// Override the number of days simulated (1–365).
        #[arg(long)]
        days: Option<f64>,
        /// Write series.csv, events.csv, sessions.csv, days.csv and pathways.csv into this folder
        /// (and reaches_milk.csv when she takes something that passes into milk).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Print how long the simulation took (and its steps) to stderr.
        #[arg(long)]
        timing: bool,
        /// Print nothing but errors (with --out, --timing or --fingerprint, which still print).
        #[arg(long, short)]
        quiet: bool,
        /// Print the run's fingerprint: every number of it, bit for bit, hashed (the browser's
        /// page shows the same for the same scenario).
        #[arg(long)]
        fingerprint: bool,
    },
    /// Simulate mothers like the preset's (an ensemble drawn from the published spreads between
    /// mothers) and print, per day, the median and the 10th–90th percentile range; with --out,
    /// write days_percentiles.csv, series_percentiles.csv and members.csv.
    Ensemble {
        /// The preset file (RON); the built-in default scenario if left out.
        preset: Option<PathBuf>,
        /// How many mothers (1–10000).
        #[arg(long, default_value_t = lactosim::ensemble::DEFAULT_MEMBERS)]
        mothers: usize,
        /// Override the number of days simulated (1–365).
        #[arg(long)]
        days: Option<f64>,
        /// Write the three CSV files into this folder.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Print nothing but errors (and no progress).
        #[arg(long, short)]
        quiet: bool,
    },
    /// Ask a parent's question of a preset (or the default scenario) for a baby AGE days old:
    /// the change from that day, run past it and back, answered in plain words (how much, how
    /// fast, whether it comes back, what to watch for, whom to ask). All questions if none is
    /// named.
    Ask {
        /// The question: night-bottle, night-feeds-dropped, evening-cluster-feeding,
        /// growth-spurt, pump-for-stash, back-to-work, night-away, richer-end-of-feed,
        /// milk-from-blood, two-coffees, glass-of-wine.
        #[arg(value_parser = parse_question)]
        question: Option<lactosim::questions::Question>,
        /// The baby's age today, in days since birth (35 for five weeks).
        #[arg(long, value_name = "DAYS")]
        age_days: usize,
        /// The preset file (RON); the built-in default scenario if left out.
        #[arg(long)]
        preset: Option<PathBuf>,
    },
    /// Fit the model to a mother's log (docs/logs.md): her storage capacity per breast and her
    /// secretory capacity (and the baby's effectiveness with test weights), each with its
    /// 10th–90th range, how well the model fits, and what the log cannot tell; with --out, write
    /// a preset of her: the log's days as they were, then two weeks more of its last day.
    Fit {
        /// The log (CSV).
        log: PathBuf,
        /// Which kind of file: auto (told by its header), lactosim, huckleberry, babytracker.
        #[arg(long, default_value = "auto", value_parser = parse_log_format)]
        format: LogFormat,
        /// The baby's day of life on the log's first day (0 = the day of birth); or …
        #[arg(long, value_name = "DAY", conflicts_with = "birth_date")]
        day_of_life: Option<u32>,
        /// … the baby's date of birth (YYYY-MM-DD). Neither is needed for a log in hours since birth.
        #[arg(long, value_name = "DATE")]
        birth_date: Option<lactosim::calendar::CivilDate>,
        /// The scenario to start from (the default mother if left out): its mother is the prior.
        #[arg(long)]
        preset: Option<PathBuf>,
        /// What she did before the log: "plan" (the scenario's plan, then two weeks of the
        /// log's first day) or "first-day" (the log's first day from birth). Left out: first-day
        /// for a log of pumping alone, else plan.
        #[arg(long, value_parser = parse_before)]
        before: Option<lactosim::fit::Before>,
        /// Write her fitted scenario to this preset file.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Check preset files and report every problem, with line and field.
    Check {
        #[arg(required = true)]
        presets: Vec<PathBuf>,
    },
    /// How good is the model? Run every published figure of targets.md the model can run and
    /// print, per row: id, what is measured, the model's figure, the published figure and range,
    /// pass or FAIL (exit status 1 if a row fails).
    Validate {
        /// Print the report as Markdown (what docs/validation.md holds).
        #[arg(long)]
        markdown: bool,
        /// Write the Markdown report to this file instead of printing.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Print a link to a preset (or the default scenario): the whole scenario in the link's
    /// fragment, for lactosim in a browser or on the desktop (`lactosim LINK` opens it).
    Link {
        /// The preset file (RON), or a link; the built-in default scenario if left out.
        preset: Option<PathBuf>,
        /// The address of the web version the link opens (default: the one this build was
        /// given with LACTOSIM_WEB_URL, else http://127.0.0.1:8000/, a local static server).
        #[arg(long, value_name = "URL")]
        base: Option<String>,
    },
}

/// When what reads the output stops early (`lactosim run | head`), end as Unix commands do,
/// quietly: Rust's runtime ignores SIGPIPE, and `println!` then panicked with a backtrace
/// ("failed printing to stdout: Broken pipe").
fn stop_quietly_on_a_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: restoring a signal's default action, once, before any other thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

pub fn main() -> ExitCode {
    stop_quietly_on_a_closed_pipe();
    let cli = Cli::parse();
    match cli.command {
        None => match lactosim_gui(cli) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("lactosim: cannot open the window: {e}");
                ExitCode::FAILURE
            }
        },
        Some(Command::Run {
            preset,
            days,
            out,
            timing,
            quiet,
            fingerprint,
        }) => run(
            preset,
            days,
            out,
            Report {
                timing,
                quiet,
                fingerprint,
            },
        ),
        Some(Command::Ensemble {
            preset,
            mothers,
            days,
            out,
            quiet,
        }) => ensemble(preset, mothers, days, out, quiet),
        Some(Command::Ask {
            question,
            age_days,
            preset,
        }) => ask(question, age_days, preset.as_ref()),
        Some(Command::Fit {
            log,
            format,
            day_of_life,
            birth_date,
            preset,
            before,
            out,
        }) => fit_log(
            &log,
            format,
            (day_of_life, birth_date),
            before,
            preset.as_ref(),
            out.as_ref(),
        ),
        Some(Command::Check { presets }) => check(&presets),
        Some(Command::Link { preset, base }) => match load(preset.as_ref()) {
            Ok(sc) => {
                let base = base.as_deref().unwrap_or(lactosim::share_link::WEB_URL);
                println!("{}", lactosim::share_link::link(&sc, base));
                if base == lactosim::share_link::LOCAL_WEB_URL {
                    eprintln!("{}", lactosim::share_link::LOCAL_ONLY);
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        },
        Some(Command::Validate { markdown, out }) => validate(markdown, out),
    }
}

#[cfg(feature = "gui")]
fn lactosim_gui(cli: Cli) -> Result<(), String> {
    lactosim::app::launch(lactosim::app::Launch {
        preset: cli.preset,
        baseline: cli.compare,
        fresh: cli.fresh,
        size: cli.size,
        audience: cli.audience.map(|w| match w {
            Who::Parent => lactosim::view::Audience::Parent,
            Who::Clinician => lactosim::view::Audience::Clinician,
        }),
    })
    .map_err(|e| e.to_string())
}

#[cfg(not(feature = "gui"))]
fn lactosim_gui(_cli: Cli) -> Result<(), String> {
    Err("this build has no window (built without the `gui` feature); use `lactosim run`".into())
}

/// The scenario of a preset file, or of a lactosim link given in its place.
fn load(preset: Option<&PathBuf>) -> Result<Scenario, String> {
    match preset {
        None => Ok(Scenario::default()),
        Some(p) => lactosim::share_link::read_preset_or_link(p).map_err(|e| e.to_string()),
    }
}

/// How a preset argument is named in messages: its path, or "the link".
fn preset_name(p: &std::path::Path) -> String {
    if lactosim::share_link::names_a_link(p) {
        "the link".to_owned()
    } else {
        p.display().to_string()
    }
}

/// `--format` of `lactosim fit`: told by the header, or one reader.
#[derive(Clone, Copy, Debug)]
struct LogFormat(Option<lactosim::log::Format>);

fn parse_log_format(s: &str) -> Result<LogFormat, String> {
    use lactosim::log::Format;
    match s.to_lowercase().as_str() {
        "auto" => Ok(LogFormat(None)),
        "lactosim" => Ok(LogFormat(Some(Format::Lactosim))),
        "huckleberry" => Ok(LogFormat(Some(Format::Huckleberry))),
        "babytracker" | "baby-tracker" => Ok(LogFormat(Some(Format::BabyTracker))),
        _ => Err(format!(
            "{s:?} is not a log format: auto, lactosim, huckleberry or babytracker"
        )),
    }
}

fn fit_log(
    path: &std::path::Path,
    format: LogFormat,
    (day_of_life, birth_date): (Option<u32>, Option<lactosim::calendar::CivilDate>),
    before: Option<lactosim::fit::Before>,
    preset: Option<&PathBuf>,
    out: Option<&PathBuf>,
) -> ExitCode {
    use lactosim::fit::{self, Placement};
    use lactosim::scenario::Breast;
    let log = match lactosim::log::read_file(path, format.0) {
        Ok(l) => l,
        Err(problems) => {
            for p in problems {
                eprintln!("{}: {p}", path.display());
            }
            return ExitCode::FAILURE;
        }
    };
    let Some(mut base) = scenario_to_run(preset, None) else {
        return ExitCode::FAILURE;
    };
    let at = match (log.origin, day_of_life, birth_date) {
        (None, d, b) => {
            if d.is_some() || b.is_some() {
                println!(
                    "Note: the log counts hours since birth; --day-of-life and --birth-date are not needed."
                );
            }
            Placement::first_day_is(0.0)
        }
        (Some(_), Some(d), _) => Placement::first_day_is(f64::from(d)),
        (Some(first), None, Some(born)) => {
            base.birth_date = Some(born);
            Placement::first_day_is(born.days_until(first) as f64)
        }
        (Some(first), None, None) => {
            eprintln!(
                "{}: the log starts on {first}; say where that is in her baby's life with --day-of-life DAY or --birth-date YYYY-MM-DD",
                path.display()
            );
            return ExitCode::FAILURE;
        }
    };
    let at = at.after(before.unwrap_or_else(|| fit::Before::usual_for(&log)));
    if at.log_zero_h < 0.0 {
        eprintln!(
            "{}: the log starts before the baby was born",
            path.display()
        );
        return ExitCode::FAILURE;
    }
    for note in &log.notes {
        println!("Note: {note}.");
    }
    let started = Instant::now();
    let fitted = match fit::fit(&base, &log, at, &|_| {}) {
        Ok(f) => f,
        Err(problems) => {
            for p in problems {
                eprintln!("{}: {}: {}", path.display(), p.path, p.message);
            }
            return ExitCode::FAILURE;
        }
    };
    println!(
        "{} sessions from {} ({} log), fitted in {:.1} s ({} simulations):",
        log.sessions.len(),
        path.display(),
        log.format.name(),
        started.elapsed().as_secs_f64(),
        fitted.evaluations
    );
    for e in &fitted.estimates {
        println!(
            "  {:<62} {:>6.1} {:<5} (10th–90th: {:.1}–{:.1}; usual {:.1})",
            e.what.name(),
            e.value,
            e.what.unit(),
            e.p10,
            e.p90,
            e.prior
        );
    }
    for line in fit::words::limits(&fitted) {
        println!("{line}");
    }
    // With 24 hours weighed per breast, Kent's shortcut beside what the fitted run goes through.
    let kent: Option<Vec<f64>> = Breast::BOTH
        .iter()
        .map(|&b| fit::kent_storage_ml(&log, at, b))
        .collect();
    if let Some(kent) = kent
        && let Ok(run) = lactosim::simulate(&fit::driven_scenario(&fitted.mother, &log, at, 0.0))
    {
        let used: Vec<f64> = Breast::BOTH
            .iter()
            .filter_map(|&b| fit::used_range_ml(&log, at, &run, b))
            .collect();
        if used.len() == 2 {
            println!(
                "Over the log's first day her breasts went through {:.0} (left) and {:.0} ml (right) in the fitted model; Kent's shortcut on the log gives {:.0} and {:.0} ml.",
                used[0], used[1], kent[0], kent[1]
            );
        }
    }
    if let Some(out) = out {
        let sc = fit::her_scenario(
            &fitted,
            &log,
            at,
            &path
                .file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into_owned()),
        );
        if let Err(e) = std::fs::write(out, lactosim::preset::to_string(&sc)) {
            eprintln!("{} cannot be written: {e}", out.display());
            return ExitCode::FAILURE;
        }
        println!(
            "Wrote {} (her log's days, then {} days more of its last day):",
            out.display(),
            fit::FUTURE_DAYS
        );
        for line in fit::words::how_made(&sc, &log, at) {
            println!("  {line}");
        }
    }
    ExitCode::SUCCESS
}

fn parse_before(s: &str) -> Result<lactosim::fit::Before, String> {
    match s {
        "plan" => Ok(lactosim::fit::Before::ScenarioPlan),
        "first-day" => Ok(lactosim::fit::Before::FirstDayFromBirth),
        other => Err(format!("{other:?}: write plan or first-day")),
    }
}

fn parse_question(id: &str) -> Result<lactosim::questions::Question, String> {
    use lactosim::questions::Question;
    Question::from_id(id).ok_or_else(|| {
        let ids: Vec<&str> = Question::ALL.iter().map(|q| q.id()).collect();
        format!("no question {id:?}; the questions are {}", ids.join(", "))
    })
}

fn ask(
    question: Option<lactosim::questions::Question>,
    age_days: usize,
    preset: Option<&PathBuf>,
) -> ExitCode {
    use lactosim::questions::{self, Question};
    let Some(sc) = scenario_to_run(preset, None) else {
        return ExitCode::FAILURE;
    };
    if age_days as f64 > lactosim::scenario::MAX_HORIZON_DAYS - 1.0 {
        eprintln!(
            "the baby's age must be under {} days",
            lactosim::scenario::MAX_HORIZON_DAYS
        );
        return ExitCode::FAILURE;
    }
    let asked: Vec<Question> = question.map_or_else(|| Question::ALL.to_vec(), |q| vec![q]);
    for (i, q) in asked.into_iter().enumerate() {
        match questions::ask(q, &sc, age_days) {
            Ok(a) => {
                if i > 0 {
                    println!();
                }
                println!(
                    "{}

{}

{}
{}",
                    q.asked(),
                    a.said(),
                    a.watch,
                    a.ask
                );
            }
            Err(problems) => {
                print_problems(preset, false, problems);
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

/// The preset (or the default scenario) with `--days` applied; `None`, said on stderr, when the
/// preset cannot be read.
fn scenario_to_run(preset: Option<&PathBuf>, days: Option<f64>) -> Option<Scenario> {
    match load(preset) {
        Ok(mut s) => {
            if let Some(d) = days {
                s.horizon_days = d;
            }
            Some(s)
        }
        Err(e) => {
            eprintln!("{e}");
            None
        }
    }
}

/// What `lactosim run` prints beside its table.
struct Report {
    timing: bool,
    quiet: bool,
    fingerprint: bool,
}

fn run(
    preset: Option<PathBuf>,
    days: Option<f64>,
    out: Option<PathBuf>,
    report: Report,
) -> ExitCode {
    let Report {
        timing,
        quiet,
        fingerprint,
    } = report;
    let Some(scenario) = scenario_to_run(preset.as_ref(), days) else {
        return ExitCode::FAILURE;
    };
    let options = SimOptions::default();
    let started = Instant::now();
    let result = simulate_with(&scenario, &options);
    let elapsed = started.elapsed();
    let run = match result {
        Ok(r) => r,
        Err(problems) => {
            print_problems(preset.as_ref(), days.is_some(), problems);
            return ExitCode::FAILURE;
        }
    };
    if !quiet {
        println!("# {}", scenario.name);
        print!("{}", export::day_table(&run));
        println!();
        println!("{}", summary::plain_words(&run));
        for w in &run.warnings {
            println!("note: {}", w.message);
        }
    }
    if fingerprint {
        println!("fingerprint: {}", run.fingerprint());
    }
    if timing {
        eprintln!(
            "simulated {} days in {:.2} ms ({} steps, {} samples, {} sessions)",
            scenario.horizon_days,
            elapsed.as_secs_f64() * 1000.0,
            run.steps,
            run.series.len(),
            run.sessions.len()
        );
    }
    if let Some(dir) = out {
        match export::write_csv_dir(&scenario, &run, &dir) {
            Err(e) => {
                eprintln!("lactosim: {e:#}");
                return ExitCode::FAILURE;
            }
            Ok(written) if !quiet => {
                println!("wrote {} to {}", written.join(", "), dir.display());
            }
            Ok(_) => {}
        }
    }
    ExitCode::SUCCESS
}

/// Print a preset's problems as `file: field: message` (the `--days` flag named as such).
fn print_problems(
    preset: Option<&PathBuf>,
    days_given: bool,
    problems: Vec<lactosim::scenario::Problem>,
) {
    let file = preset.map_or("<default scenario>".to_owned(), |p| p.display().to_string());
    for p in problems {
        let field = if days_given && p.path == "horizon_days" {
            "--days".to_owned()
        } else {
            p.path
        };
        eprintln!("{file}: {field}: {}", p.message);
    }
}

fn ensemble(
    preset: Option<PathBuf>,
    mothers: usize,
    days: Option<f64>,
    out: Option<PathBuf>,
    quiet: bool,
) -> ExitCode {
    use lactosim::ensemble::{self, Progress};
    use std::io::{IsTerminal, Write};
    let Some(scenario) = scenario_to_run(preset.as_ref(), days) else {
        return ExitCode::FAILURE;
    };
    let progress = Progress::default();
    let started = Instant::now();
    let show_progress = !quiet && std::io::stderr().is_terminal();
    let result = std::thread::scope(|scope| {
        let worker =
            scope.spawn(|| ensemble::simulate_ensemble_with(&scenario, mothers, &progress));
        // A progress bar on a terminal, redrawn until the worker is done.
        while show_progress && !worker.is_finished() {
            let done = progress.done();
            let filled = done * 30 / mothers.max(1);
            eprint!(
                "\r[{}{}] {done}/{mothers} mothers",
                "#".repeat(filled),
                " ".repeat(30 - filled.min(30))
            );
            let _ = std::io::stderr().flush();
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        if show_progress {
            eprint!("\r{}\r", " ".repeat(60));
        }
        worker.join().expect("the ensemble does not panic")
    });
    let ens = match result {
        Ok(Some(e)) => e,
        Ok(None) => unreachable!("never cancelled here"),
        Err(problems) => {
            print_problems(preset.as_ref(), days.is_some(), problems);
            return ExitCode::FAILURE;
        }
    };
    if !quiet {
        println!(
            "# {}: {} mothers like her",
            scenario.name,
            ens.members.len()
        );
        print!("{}", ensemble::export::day_table(&ens));
        println!();
        if let Some(w) = ensemble::words::range_words(&ens, usize::MAX) {
            println!("{w}");
        }
        eprintln!(
            "simulated {} mothers × {} days in {:.2} s",
            ens.members.len(),
            scenario.horizon_days,
            started.elapsed().as_secs_f64()
        );
    }
    if let Some(dir) = out {
        if let Err(e) = ensemble::export::write_csv_dir(&ens, &dir) {
            eprintln!("lactosim: {e:#}");
            return ExitCode::FAILURE;
        }
        if !quiet {
            println!(
                "wrote days_percentiles.csv, series_percentiles.csv, members.csv to {}",
                dir.display()
            );
        }
    }
    ExitCode::SUCCESS
}

fn validate(markdown: bool, out: Option<PathBuf>) -> ExitCode {
    let checked = lactosim::validate::check_all();
    if let Some(path) = out {
        if let Err(e) = std::fs::write(&path, lactosim::validate::markdown(&checked)) {
            eprintln!("lactosim: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    } else if markdown {
        print!("{}", lactosim::validate::markdown(&checked));
    } else {
        print!("{}", lactosim::validate::text(&checked));
    }
    if checked.iter().all(|c| c.outcome.pass) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn check(presets: &[PathBuf]) -> ExitCode {
    let mut ok = true;
    for p in presets {
        match lactosim::share_link::read_preset_or_link(p) {
            Ok(s) => println!(
                "{}: ok ({}, {} days)",
                preset_name(p),
                s.name,
                s.horizon_days
            ),
            Err(e) => {
                ok = false;
                eprintln!("{e}");
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
