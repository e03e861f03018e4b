//! Share: a scenario as a link (`crate::share_link`). *Copy link to this scenario* puts it on
//! the clipboard; *Open a link…* takes one pasted into a small window; a link given on the
//! command line (`lactosim 'https://…#s=…'`) opens as a file would. A damaged link shows its
//! problems as a file's are shown.

use super::*;
use crate::share_link;

/// The window where a link is pasted.
#[derive(Clone, Debug, Default)]
pub(super) struct LinkPrompt {
    text: String,
    focus: bool,
}

impl App {
    /// The Share menu's entries.
    pub(super) fn share_menu(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        if ui
            .button("Copy link to this scenario")
            .on_hover_text(
                "The whole scenario in a link, to send to someone: it opens in lactosim (the Share \
                 menu's Open a link…, or in a browser where the web version is hosted). Nothing is \
                 uploaded: the scenario is in the link itself.",
            )
            .clicked()
        {
            commands.push(Command::CopyLink);
        }
        if ui
            .button("Open a link…")
            .on_hover_text("Paste a lactosim link someone sent you to open its scenario.")
            .clicked()
        {
            commands.push(Command::PromptForLink);
        }
    }

    /// Put the link to the scenario being edited on the clipboard.
    pub(super) fn copy_link(&mut self, ctx: &egui::Context) {
        // In the browser, a link to this very page; on the desktop, to the web version's.
        let page = super::platform::page_address();
        let base = page.as_deref().unwrap_or(share_link::WEB_URL);
        let link = share_link::link(&self.document.scenario, base);
        let n = link.chars().count();
        ctx.copy_text(link);
        let mut said = format!(
            "Copied a link to “{}” ({n} characters). Whoever opens it sees this scenario as it \
             is now.",
            self.document.scenario.name
        );
        if base == share_link::LOCAL_WEB_URL {
            said = format!("{said} {}", share_link::LOCAL_ONLY);
        }
        self.notice(&said);
    }

    /// Open the scenario a link holds (its problems, as a file's, when it is damaged).
    pub(super) fn open_link(&mut self, link: &str) {
        match share_link::read_link(link) {
            Ok(sc) => {
                self.her_log = None;
                self.show_description = true;
                self.notice(&format!("Opened a link to “{}”", sc.name));
                // Not saved anywhere yet: New or Open asks first.
                self.document.replace_unsaved(sc);
                self.selected_session = None;
            }
            Err(e) => {
                self.show_file_problems("The link", &e);
                // Said until dismissed: once the problem is closed, the scenario on screen is the
                // one that was open (lactosim's example on a first visit), which a parent could
                // take for the one she was sent.
                self.error(&format!(
                    "What you see is “{}”, not the scenario of the link (it could not be read): ask for the link again.",
                    self.document.scenario.name
                ));
            }
        }
    }

    /// The window where a link is pasted, while it is open.
    pub(super) fn link_prompt_window(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Some(prompt) = &mut self.link_prompt else {
            return;
        };
        let mut open = true;
        let mut done = None;
        egui::Window::new("Open a link")
            .collapsible(false)
            .open(&mut open)
            .show(ctx, |ui| {
                ui.label("Paste the lactosim link (it ends in #s= and the scenario):");
                let r = ui.add(
                    egui::TextEdit::singleline(&mut prompt.text)
                        .desired_width(480.0)
                        .hint_text("https://…#s=…"),
                );
                if prompt.focus {
                    r.request_focus();
                    prompt.focus = false;
                }
                let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui.button("Open").clicked() || enter {
                    done = Some(prompt.text.trim().to_owned());
                }
            });
        if let Some(link) = done {
            self.link_prompt = None;
            commands.push(Command::OpenLink(link));
        } else if !open {
            self.link_prompt = None;
        }
    }

    pub(super) fn prompt_for_link(&mut self) {
        self.link_prompt = Some(LinkPrompt {
            text: String::new(),
            focus: true,
        });
    }
}
