//! The desktop: jobs on worker threads, files through dialogs and paths, the working state in a
//! recovery file, a native window.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::{Job, Polled, Progress};
use crate::app::files::{Dialogs, PathPurpose, with_extension};
use crate::app::{App, Launch};

/// Not the browser: files have paths, the window can quit, there is a recovery file.
pub const IN_BROWSER: bool = false;

pub use crate::app::recovery::Recovery;

/// What the window keeps of the page it runs in: nothing, on the desktop.
#[derive(Default)]
pub struct BrowserState;

/// A job running on its own thread.
pub struct Task<T> {
    rx: Receiver<T>,
    progress: Progress,
}

/// Start `job` on a worker thread; the window is repainted when it is done.
pub fn start<J: Job>(job: J, ctx: &egui::Context) -> Task<J::Output> {
    let (tx, rx) = channel();
    let progress = Progress::default();
    let (ctx, told) = (ctx.clone(), progress.clone());
    std::thread::spawn(move || {
        let out = job.run_to_end(&told);
        // The window may have closed meanwhile: nothing to tell then.
        let _ = tx.send(out);
        ctx.request_repaint();
    });
    Task { rx, progress }
}

impl<T> Task<T> {
    /// The answer, if it has come.
    pub fn poll(&mut self, _ctx: &egui::Context) -> Polled<T> {
        match self.rx.try_recv() {
            Ok(out) => Polled::Ready(out),
            Err(TryRecvError::Empty) => Polled::Pending,
            Err(TryRecvError::Disconnected) => Polled::Lost,
        }
    }

    /// Wait for the answer (tests and headless use); `None` if the job died.
    pub fn wait(self) -> Option<T> {
        self.rx.recv().ok()
    }

    /// How far it is, 0 to 1.
    pub fn progress(&self) -> f32 {
        self.progress.get()
    }
}

/// Is a finger the screen's main pointer (a phone, a tablet)? On the desktop, a mouse is
/// assumed until a touch is seen ([`super::touch_first`]).
pub fn coarse_pointer() -> bool {
    false
}

/// The address of the page the program runs in: none on the desktop (links point at
/// [`crate::share_link::WEB_URL`]).
pub fn page_address() -> Option<String> {
    None
}

impl App {
    /// The browser's own handling of a command (none on the desktop: it is given back).
    pub(in crate::app) fn in_browser(
        &mut self,
        cmd: crate::app::Command,
        _ctx: &egui::Context,
    ) -> Option<crate::app::Command> {
        Some(cmd)
    }

    /// A dropped scenario file: opened from its path.
    pub(in crate::app) fn open_dropped(
        &mut self,
        file: &egui::DroppedFileHandle,
        commands: &mut Vec<crate::app::Command>,
        _ctx: &egui::Context,
    ) {
        commands.push(crate::app::Command::OpenPath(file.path().to_path_buf()));
    }

    /// Between frames, what only the browser does (nothing on the desktop).
    pub(in crate::app) fn browser_frame(&mut self, _ctx: &egui::Context, _frame: &eframe::Frame) {}

    /// After each frame's update, what only the browser does (nothing on the desktop).
    pub(in crate::app) fn browser_frame_done(&mut self, _ctx: &egui::Context) {}
}

/// Open the window.
pub fn launch(launch: Launch) -> eframe::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("lactosim")
            .with_inner_size(launch.size.unwrap_or([1280.0, 800.0]))
            .with_min_inner_size([900.0, 600.0])
            .with_drag_and_drop(true),
        persist_window: !launch.fresh && launch.size.is_none(),
        ..Default::default()
    };
    eframe::run_native(
        "lactosim",
        options,
        Box::new(move |cc| Ok(Box::new(App::new(cc, &launch)))),
    )
}

/// The system's file dialogs.
pub fn system_dialogs() -> Box<dyn Dialogs> {
    Box::new(NativeDialogs::default())
}

/// Write a file the window made (a PNG of the plots) at `path`.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

impl App {
    /// Keep the working state in the recovery file from now on, restoring what is kept (unless
    /// `fresh`): see [`App::start_recovery`].
    pub(in crate::app) fn keep_working_state(&mut self, fresh: bool, clean_state: Option<String>) {
        match Recovery::default_path() {
            Some(path) => self.start_recovery(path, fresh, clean_state),
            None if !fresh => {
                if let Some(state) = clean_state {
                    self.restore_state(&state);
                }
            }
            None => {}
        }
    }
}

/// rfd's native dialogs (xdg portal, or zenity, on Linux).
///
/// Whether they can be shown is a heuristic ([`native_dialog_service_likely`]), corrected by
/// experience: a pick that answers `None` faster than a person could cancel is taken as a dialog
/// that failed to appear, and no native dialog is tried again in this session.
#[derive(Default)]
pub struct NativeDialogs {
    failed: std::cell::Cell<bool>,
}

/// Faster than this, a `None` is a dialog that did not appear, not a person who cancelled.
const TOO_FAST_TO_BE_A_CANCEL: std::time::Duration = std::time::Duration::from_millis(250);

impl NativeDialogs {
    fn timed(&self, pick: impl FnOnce() -> Option<PathBuf>) -> Option<PathBuf> {
        let start = std::time::Instant::now();
        let out = pick();
        if out.is_none() && start.elapsed() < TOO_FAST_TO_BE_A_CANCEL {
            self.failed.set(true);
        }
        out
    }
}

impl Dialogs for NativeDialogs {
    fn pick_preset_to_open(&self) -> Option<PathBuf> {
        self.timed(|| picker(PathPurpose::Open).pick_file())
    }

    fn pick_preset_to_save(&self, suggested_name: &str) -> Option<PathBuf> {
        self.timed(|| {
            picker(PathPurpose::Save)
                .set_file_name(format!("{suggested_name}.ron"))
                .save_file()
        })
        .map(|p| with_extension(p, "ron"))
    }

    fn pick_csv_folder(&self) -> Option<PathBuf> {
        self.timed(|| picker(PathPurpose::ExportCsv).pick_folder())
    }

    fn pick_png_to_save(&self, suggested_name: &str) -> Option<PathBuf> {
        self.timed(|| {
            picker(PathPurpose::ExportPng)
                .set_file_name(format!("{suggested_name}.png"))
                .save_file()
        })
        .map(|p| with_extension(p, "png"))
    }

    fn pick_log_to_import(&self) -> Option<PathBuf> {
        self.timed(|| picker(PathPurpose::ImportLog).pick_file())
    }

    fn available(&self) -> bool {
        !self.failed.get() && native_dialog_service_likely()
    }
}

/// The system's file dialog for `purpose`: its title and the kind of file it shows.
fn picker(purpose: PathPurpose) -> rfd::FileDialog {
    let (title, filter) = purpose.picker();
    let dialog = rfd::FileDialog::new().set_title(title);
    match filter {
        Some((name, extensions)) => dialog.add_filter(name, extensions),
        None => dialog,
    }
}

/// A heuristic, checked once: is there something to show a native file dialog? On Linux and the
/// BSDs rfd needs the xdg desktop portal (reached over the D-Bus session bus) or zenity/kdialog;
/// a session bus is taken as "a portal may answer" (it may still not: then the first pick fails
/// fast and [`NativeDialogs`] stops trying). Elsewhere (Windows, macOS) the system always has one.
pub fn native_dialog_service_likely() -> bool {
    static LIKELY: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *LIKELY.get_or_init(|| {
        if cfg!(any(target_os = "windows", target_os = "macos")) {
            return true;
        }
        let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty())
            || std::env::var_os("XDG_RUNTIME_DIR")
                .is_some_and(|d| Path::new(&d).join("bus").exists());
        bus || ["zenity", "kdialog"].iter().any(|p| on_path(p))
    })
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join(program).is_file()))
}
