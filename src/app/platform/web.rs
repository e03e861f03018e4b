//! The browser: jobs in slices between frames (no threads), files picked and downloaded, the
//! working state in the browser's local storage, links from the page's own address, and the page
//! started on its canvas.

use std::cell::Cell;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use wasm_bindgen::JsCast as _;
use web_time::Instant;

use super::{Job, Polled, Progress, SLICE_BUDGET_MS};
use crate::app::{App, Command, Launch};

/// The browser: files are picked and downloaded, there is no quitting and no recovery file.
pub const IN_BROWSER: bool = true;

/// A job worked on a slice at a time, between frames.
pub struct Task<T> {
    job: Box<dyn Job<Output = T>>,
    progress: Progress,
}

/// Start `job`: its first slice comes at the next frame.
pub fn start<J: Job>(job: J, ctx: &egui::Context) -> Task<J::Output> {
    ctx.request_repaint();
    Task {
        job: Box::new(job),
        progress: Progress::default(),
    }
}

thread_local! {
    /// The frame (egui's frame number) whose slices are being counted, and the time they took:
    /// all jobs together stay inside [`SLICE_BUDGET_MS`] a frame.
    static SPENT: Cell<(u64, f64)> = const { Cell::new((u64::MAX, 0.0)) };
}

/// The time background work took in this frame so far, ms.
fn slices_this_frame_ms(ctx: &egui::Context) -> f64 {
    let (counted, spent) = SPENT.with(Cell::get);
    if counted == ctx.cumulative_frame_nr() {
        spent
    } else {
        0.0
    }
}

impl<T: Send + 'static> Task<T> {
    /// Work on the job for what is left of this frame's budget; its answer once it is done.
    pub fn poll(&mut self, ctx: &egui::Context) -> Polled<T> {
        let frame = ctx.cumulative_frame_nr();
        let (counted, mut spent) = SPENT.with(Cell::get);
        if counted != frame {
            spent = 0.0;
        }
        let start = Instant::now();
        let mut answer = None;
        // At least one piece a frame, so that every job moves; a large one in a frame of its own.
        if spent > 0.0 && self.job.next_piece_is_large() {
            ctx.request_repaint();
            return Polled::Pending;
        }
        loop {
            if let Some(out) = self.job.step() {
                answer = Some(out);
                break;
            }
            if spent + start.elapsed().as_secs_f64() * 1e3 >= SLICE_BUDGET_MS
                || self.job.next_piece_is_large()
            {
                break;
            }
        }
        SPENT.with(|s| s.set((frame, spent + start.elapsed().as_secs_f64() * 1e3)));
        match answer {
            Some(out) => {
                self.progress.set(1.0);
                Polled::Ready(out)
            }
            None => {
                self.progress.set(self.job.done_fraction());
                ctx.request_repaint();
                Polled::Pending
            }
        }
    }

    /// Work on the job to its end (tests and headless use).
    pub fn wait(mut self) -> Option<T> {
        loop {
            if let Some(out) = self.job.step() {
                return Some(out);
            }
        }
    }

    /// How far it is, 0 to 1.
    pub fn progress(&self) -> f32 {
        self.progress.get()
    }
}

/// The working state, kept in the browser's local storage under the key eframe's own storage
/// uses: written at every change (local storage is written at once, and a page can be closed or
/// reloaded at any moment), read by eframe's storage at the next load.
pub struct Recovery;

impl Recovery {
    pub fn record(&mut self, state: String) {
        if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
            // A full storage (a few MB) is not worth stopping for: eframe's own save tries again.
            let _ = storage.set_item(crate::app::STORAGE_KEY, &state);
        }
    }

    /// Nothing to clear: in the browser the kept state is the state to come back to.
    pub fn clear(&mut self) {}
}

/// Is a finger the screen's main pointer (a phone, a tablet)? The browser's own answer (the
/// CSS media query `pointer: coarse`), known before the first touch.
pub fn coarse_pointer() -> bool {
    thread_local! {
        /// Asked once: the screen's pointer does not change while the page is open.
        static COARSE: std::cell::OnceCell<bool> = const { std::cell::OnceCell::new() };
    }
    COARSE.with(|c| {
        *c.get_or_init(|| {
            web_sys::window()
                .and_then(|w| w.match_media("(pointer: coarse)").ok().flatten())
                .is_some_and(|m| m.matches())
        })
    })
}

/// The address of this page, without its fragment, without `fingerprint` (the browser test's)
/// and without `as=` (who is looking is the
/// receiver's to say): a link copied here opens here.
pub fn page_address() -> Option<String> {
    let location = web_sys::window()?.location();
    let (origin, path) = (location.origin().ok()?, location.pathname().ok()?);
    let query: Vec<String> = location
        .search()
        .ok()?
        .trim_start_matches('?')
        .split('&')
        .filter(|kv| !kv.is_empty() && !kv.starts_with("as=") && *kv != FINGERPRINT)
        .map(str::to_owned)
        .collect();
    Some(if query.is_empty() {
        format!("{origin}{path}")
    } else {
        format!("{origin}{path}?{}", query.join("&"))
    })
}

/// The page's fragment as it is now (`#s=…` for a link).
fn page_fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Take the fragment out of the address bar (without reloading): a link opened once is not opened
/// again at the next reload (over the work done since), and the same link pasted again is a change
/// the page sees.
fn forget_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(href) = window.location().href() else {
        return;
    };
    let address = href.split('#').next().unwrap_or(&href).to_owned();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
    }
}

/// What the window keeps of the page between frames.
#[derive(Default)]
pub struct BrowserState {
    picked: PickedFiles,
    /// The page's fragment when last looked at (a new one is a link to open).
    hash: Option<String>,
    /// The text last put in the page's status element.
    status: Option<String>,
    /// The fingerprint of the run on screen, worked out once a run (the run held weakly: its
    /// address is not given to another run while this is kept).
    fingerprint: Option<(std::sync::Weak<crate::run::Run>, String)>,
    /// When the first picture of a run was drawn (ms since the page began loading), and the
    /// longest a frame has taken since (ms): the page's `#lactosim-timing`, which the browser
    /// test reports.
    first_picture_ms: Option<f64>,
    longest_frame_ms: f64,
    /// When this frame's update began; the longest update (lactosim's own work in a frame:
    /// panels, a short run, background slices) and the longest background work in a frame.
    update_started: Option<Instant>,
    longest_update_ms: f64,
    longest_slices_ms: f64,
    timing_shown: Option<String>,
}

/// No system dialogs: files are picked through the browser (see [`App::in_browser`]).
pub fn system_dialogs() -> Box<dyn crate::app::files::Dialogs> {
    Box::new(crate::app::files::NoDialogs)
}

/// Hand a file the window made (a PNG of the plots) to the browser as a download, named as
/// `path`'s file name.
pub fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<(), String> {
    let name = path
        .file_name()
        .map_or_else(|| "lactosim".into(), |n| n.to_string_lossy());
    let mime = if name.ends_with(".png") {
        "image/png"
    } else {
        "application/octet-stream"
    };
    download(&name, bytes, mime)
}

impl App {
    /// Restore the state kept in local storage (unless `fresh`), and keep it there from now on.
    pub(in crate::app) fn keep_working_state(&mut self, fresh: bool, clean_state: Option<String>) {
        if !fresh && let Some(state) = clean_state {
            self.restore_state(&state);
        }
        self.recovery = Some(Recovery);
    }
}

/// A file the person picked, read.
pub struct Picked {
    pub purpose: crate::app::files::PathPurpose,
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Files picked but not yet taken by the window (a pick answers after the frame that asked).
#[derive(Clone, Default)]
pub struct PickedFiles(Arc<Mutex<Vec<Picked>>>);

impl PickedFiles {
    /// Ask the browser for a file; it arrives in this list when read.
    fn ask(&self, purpose: crate::app::files::PathPurpose, ctx: &egui::Context) {
        let (title, filter) = purpose.picker();
        let mut dialog = rfd::AsyncFileDialog::new().set_title(title);
        if let Some((name, extensions)) = filter {
            dialog = dialog.add_filter(name, extensions);
        }
        let (list, ctx) = (self.0.clone(), ctx.clone());
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(file) = dialog.pick_file().await {
                let picked = Picked {
                    purpose,
                    name: file.file_name(),
                    bytes: file.read().await,
                };
                list.lock().expect("picked files").push(picked);
                ctx.request_repaint();
            }
        });
    }

    /// Read a file dropped on the page; it arrives in this list when read.
    fn read_dropped(&self, file: &egui::DroppedFileHandle, ctx: &egui::Context) {
        let (file, list, ctx) = (file.clone(), self.0.clone(), ctx.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let name = file.path().to_string_lossy().into_owned();
            let picked = match file.bytes_async().await {
                Ok(bytes) => Picked {
                    purpose: crate::app::files::PathPurpose::Open,
                    name,
                    bytes,
                },
                Err(e) => {
                    web_sys::console::warn_1(
                        &format!("could not read the dropped {name}: {e}").into(),
                    );
                    return;
                }
            };
            list.lock().expect("picked files").push(picked);
            ctx.request_repaint();
        });
    }

    fn take(&self) -> Vec<Picked> {
        std::mem::take(&mut *self.0.lock().expect("picked files"))
    }
}

/// Hand `bytes` to the browser as a download named `name`.
pub fn download(name: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
    let fail = |what: &str| format!("could not download {name}: {what}");
    let window = web_sys::window().ok_or_else(|| fail("no window"))?;
    let document = window.document().ok_or_else(|| fail("no document"))?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| fail("the browser refused the file"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| fail("the browser refused the file"))?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("no link"))?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    // In the page while it is clicked (some browsers ignore a detached link), and the file's
    // address kept a minute (a browser may still be reading it after the click).
    let body = document.body().ok_or_else(|| fail("no page body"))?;
    let _ = body.append_child(&link);
    link.click();
    link.remove();
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    Ok(())
}

impl App {
    /// The commands the browser carries out its own way (files are picked and downloaded; the
    /// page cannot quit); the others are given back.
    pub(in crate::app) fn in_browser(
        &mut self,
        cmd: Command,
        ctx: &egui::Context,
    ) -> Option<Command> {
        use crate::app::files::{self, PathPurpose};
        let stem = files::file_stem_for(&self.document.scenario.name);
        match cmd {
            Command::Open | Command::OpenTypedPath => {
                self.browser.picked.ask(PathPurpose::Open, ctx)
            }
            Command::ImportLog => self.browser.picked.ask(PathPurpose::ImportLog, ctx),
            Command::Save | Command::SaveAs | Command::SaveTypedPath => {
                let name = format!("{stem}.ron");
                let text = crate::preset::to_string(&self.document.scenario);
                // Not text/plain: a phone would show it as a page, or add ".txt" to its name.
                match download(&name, text.as_bytes(), "application/octet-stream") {
                    Ok(()) => {
                        self.notice(&format!(
                            "Downloaded {name}: open it again with File, Open, or send it to anyone with lactosim."
                        ));
                        self.document.mark_saved(PathBuf::from(name));
                    }
                    Err(e) => self.error(&e),
                }
            }
            Command::ExportCsv => {
                let Some(sim) = &self.current else {
                    self.error("Nothing to export: the scenario has no run yet.");
                    return None;
                };
                match crate::export::csv_files(&sim.scenario, &sim.run) {
                    Ok(written) => {
                        let mut names = Vec::new();
                        for (name, bytes) in &written {
                            if let Err(e) = download(&format!("{stem}-{name}"), bytes, "text/csv") {
                                self.error(&e);
                                return None;
                            }
                            names.push(format!("{stem}-{name}"));
                        }
                        self.notice(&format!("Downloaded {}", names.join(", ")));
                    }
                    Err(e) => self.error(&format!("Could not export: {e:#}")),
                }
            }
            Command::ExportPng => self.start_png_export(PathBuf::from(format!("{stem}.png")), ctx),
            // Recent files are paths, which the browser does not have; the page cannot quit.
            Command::OpenPath(_) | Command::ImportLogPath(_) | Command::Quit => {}
            other => return Some(other),
        }
        None
    }

    /// A dropped scenario file: read (the browser gives its bytes later), then opened.
    pub(in crate::app) fn open_dropped(
        &mut self,
        file: &egui::DroppedFileHandle,
        _commands: &mut Vec<Command>,
        ctx: &egui::Context,
    ) {
        self.browser.picked.read_dropped(file, ctx);
    }

    /// Between frames, what only the browser does: files picked since the last frame, a link
    /// pasted into the address bar, and the text of what is shown (for tests and screen readers).
    pub(in crate::app) fn browser_frame(&mut self, ctx: &egui::Context, frame: &eframe::Frame) {
        self.browser.update_started = Some(Instant::now());
        for file in self.browser.picked.take() {
            let text = String::from_utf8_lossy(&file.bytes).into_owned();
            let cmd = match file.purpose {
                crate::app::files::PathPurpose::ImportLog => Command::ImportLogText {
                    name: file.name,
                    text,
                },
                _ => Command::OpenText {
                    name: file.name,
                    text,
                },
            };
            self.command(cmd, ctx);
        }
        let hash = page_fragment();
        if self.browser.hash.as_deref() != Some(hash.as_str()) {
            // A link opened, or pasted into the address bar of an open page.
            if crate::share_link::is_link(&hash) {
                forget_fragment();
                self.command(Command::OpenLink(hash), ctx);
                self.browser.hash = Some(page_fragment());
            } else {
                self.browser.hash = Some(hash);
            }
        }
        // Frames from the first picture on (the frames before it load fonts and shaders once).
        if let (Some(s), Some(_)) = (frame.info().cpu_usage, self.browser.first_picture_ms) {
            self.browser.longest_frame_ms = self.browser.longest_frame_ms.max(f64::from(s) * 1e3);
        }
    }

    /// After the frame's update: how long it took, and the page's timing text.
    pub(in crate::app) fn browser_frame_done(&mut self, ctx: &egui::Context) {
        if self.browser.first_picture_ms.is_some() {
            let b = &mut self.browser;
            if let Some(start) = b.update_started {
                b.longest_update_ms = b.longest_update_ms.max(start.elapsed().as_secs_f64() * 1e3);
            }
            b.longest_slices_ms = b.longest_slices_ms.max(slices_this_frame_ms(ctx));
        }
        // After the update is timed: the status's fingerprint, which only the browser test asks
        // for, is not lactosim's work for the person looking.
        self.show_status_in_page();
        self.show_timing_in_page();
    }

    /// How long the page took to its first picture, and since then the longest frame, update
    /// and background work in a frame.
    fn show_timing_in_page(&mut self) {
        let now_ms = web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now());
        if self.browser.first_picture_ms.is_none() && self.current.is_some() {
            // This frame draws the run: its picture is on screen when the frame ends.
            self.browser.first_picture_ms = Some(now_ms);
        }
        let b = &self.browser;
        let text = format!(
            "first picture: {} ms after the page began loading\n\
             since then, the longest frame (drawing included): {:.0} ms\n\
             the longest update (lactosim's own work in a frame): {:.0} ms\n\
             the longest background work in a frame: {:.0} ms\n\
             {}\n\
             busy: {}",
            b.first_picture_ms.map_or("-".into(), |t| format!("{t:.0}")),
            // eframe tells a frame's time at the next frame, which a page gone idle after a
            // long update never draws: a frame lasts at least as long as its update.
            b.longest_frame_ms.max(b.longest_update_ms),
            b.longest_update_ms,
            b.longest_slices_ms,
            // What an edit of this scenario costs (a run up to 45 days long is done in the
            // frame of the edit).
            self.current.as_ref().map_or(String::new(), |c| format!(
                "the run on screen ({} days): simulated in {:.0} ms, its plots prepared in {:.0} ms",
                c.scenario.horizon_days, c.simulate_ms, c.prepare_ms
            )),
            self.busy() || self.mothers_busy() || self.validation.checking(),
        );
        if self.browser.timing_shown.as_deref() != Some(text.as_str()) {
            if let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("lactosim-timing"))
            {
                el.set_text_content(Some(&text));
            }
            self.browser.timing_shown = Some(text);
        }
    }

    /// What the window shows, as text in the page (`#lactosim-status`, read by screen readers
    /// and by the browser test): the scenario, the sentence under its title, and any problem.
    fn show_status_in_page(&mut self) {
        let mut text = format!("Scenario: {}\n", self.document.scenario.name);
        // The summary of the run on screen, once it is the scenario's (not the last one's, while
        // a long run is still being computed).
        match (&self.current, self.runner.progress()) {
            // In steps of a tenth: a screen reader reads each change of the text.
            (_, Some(done)) => text.push_str(&format!(
                "Simulating: {:.0}% done\n",
                (done * 10.0).floor() * 10.0
            )),
            (Some(sim), None) => {
                text.push_str(&format!("Summary: {}\n", sim.summary));
                // Every number of the run, bit for bit, when the page's address asks for it
                // (`?fingerprint`): the browser test compares it with the desktop's (`lactosim
                // run --fingerprint`). Only then: a year's takes ~30 ms of a frame here.
                let this_run = std::sync::Arc::downgrade(&sim.run);
                if fingerprint_asked()
                    && self
                        .browser
                        .fingerprint
                        .as_ref()
                        .is_none_or(|(run, _)| !run.ptr_eq(&this_run))
                {
                    self.browser.fingerprint = Some((this_run, sim.run.fingerprint()));
                }
                if let Some((_, fingerprint)) = &self.browser.fingerprint {
                    text.push_str(&format!("Fingerprint: {fingerprint}\n"));
                }
            }
            (None, None) => {}
        }
        for p in &self.problems {
            text.push_str(&format!("Problem: {p}\n"));
        }
        if let Some(p) = &self.file_problems {
            text.push_str(&format!("Problem: {}\n", p.title));
            for line in &p.lines {
                text.push_str(&format!("Problem: {line}\n"));
            }
        }
        if let Some(n) = &self.notice {
            text.push_str(&format!(
                "{}: {}\n",
                if n.error { "Error" } else { "Notice" },
                n.text
            ));
        }
        if self.browser.status.as_deref() == Some(text.as_str()) {
            return;
        }
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("lactosim-status"))
        {
            el.set_text_content(Some(&text));
        }
        self.browser.status = Some(text);
    }
}

/// Start lactosim on the page's canvas (`#lactosim-canvas`), with the scenario of the page's
/// link if it has one, else the one the person was working on, else the built-in default.
pub fn start_in_browser() {
    // Rust's log lines (eframe's) to the browser's console.
    let _ = eframe::WebLogger::init(log::LevelFilter::Warn);
    wasm_bindgen_futures::spawn_local(async {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .expect("a page with a document");
        let canvas: web_sys::HtmlCanvasElement = document
            .get_element_by_id("lactosim-canvas")
            .expect("the page has a canvas with id lactosim-canvas")
            .unchecked_into();
        let query = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        let launch = Launch {
            audience: audience_in_query(&query),
            ..Launch::default()
        };
        let runner = eframe::WebRunner::new();
        // WebRunner::new put eframe's panic handler in place (it tells the console); after it, the
        // page says so where the picture stops, since a panic in a browser stops the program.
        let eframes = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            eframes(info);
            say_it_stopped(&info.to_string());
        }));
        let started = runner
            .start(
                canvas,
                eframe::WebOptions::default(),
                Box::new(move |cc| Ok(Box::new(App::new(cc, &launch)))),
            )
            .await;
        // The page's "Loading…" goes; a failure is said where the picture would be.
        if let Some(loading) = document.get_element_by_id("lactosim-loading") {
            match started {
                Ok(()) => loading.remove(),
                Err(e) => loading.set_text_content(Some(&format!(
                    "lactosim could not start in this browser: {e:?}"
                ))),
            }
        }
    });
}

/// Does the page's address ask for each run's fingerprint (`?fingerprint`, the browser test)?
fn fingerprint_asked() -> bool {
    thread_local! {
        /// Read once: the address's query does not change while the page is open.
        static ASKED: std::cell::OnceCell<bool> = const { std::cell::OnceCell::new() };
    }
    ASKED.with(|asked| {
        *asked.get_or_init(|| {
            web_sys::window()
                .and_then(|w| w.location().search().ok())
                .is_some_and(|q| {
                    q.trim_start_matches('?')
                        .split('&')
                        .any(|kv| kv == FINGERPRINT)
                })
        })
    })
}

/// The query key that asks for each run's fingerprint.
const FINGERPRINT: &str = "fingerprint";

/// `?as=parent` or `?as=clinician` in the page's address opens that face without asking.
fn audience_in_query(query: &str) -> Option<crate::app::Audience> {
    query
        .trim_start_matches('?')
        .split('&')
        .find_map(|kv| kv.strip_prefix("as="))
        .and_then(|v| match v {
            "parent" => Some(crate::app::Audience::Parent),
            "clinician" => Some(crate::app::Audience::Clinician),
            _ => None,
        })
}

/// After a panic: the page says what happened and that the work is kept.
fn say_it_stopped(why: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let Ok(note) = document.create_element("div") else {
        return;
    };
    note.set_id("lactosim-loading");
    note.set_text_content(Some(&format!(
        "lactosim stopped: {why}. Reload the page: your work up to the last change is kept in \
         this browser. Please report what you did."
    )));
    let _ = body.append_child(&note);
}
