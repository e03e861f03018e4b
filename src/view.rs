//! What the explorer shows, as plain data: the plots of the stack and the tabs of the side panel.
//! Kept between starts ([`crate::kept_state`]), so it lives in the library with the format that
//! keeps it; how each is drawn (titles, colours, sizes) is the window's (`app::plot_data`).

use serde::{Deserialize, Serialize};

/// One plot of the stack. Each has one unit on its y axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PlotKind {
    Supply,
    Breasts,
    Hormones,
    Composition,
    Sodium,
    /// The effect of what the mother takes on prolactin release; only drawn when the scenario
    /// has a course of medicine.
    Medicine,
    /// The parent's face: the milk she makes a day and what her baby needs, in her words. Not
    /// in [`PlotKind::ALL`], the clinician's stack.
    YourSupply,
    /// Her own numbers: the milk removed at each session, the model's beside what her log says.
    /// Not in [`PlotKind::ALL`]: drawn above the stack while a fitted log is open.
    HerSessions,
}

impl PlotKind {
    /// Every plot, in the order of the stack.
    pub const ALL: [PlotKind; 6] = [
        PlotKind::Supply,
        PlotKind::Breasts,
        PlotKind::Hormones,
        PlotKind::Medicine,
        PlotKind::Composition,
        PlotKind::Sodium,
    ];

    /// The plots there were before the medicine plot: what a kept state that does not list the
    /// plots it knew had.
    pub const FIRST_FIVE: [PlotKind; 5] = [
        PlotKind::Supply,
        PlotKind::Breasts,
        PlotKind::Hormones,
        PlotKind::Composition,
        PlotKind::Sodium,
    ];
}

/// The tabs of the side panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SideTab {
    #[default]
    Schedule,
    Parameters,
    Compare,
    About,
}

impl SideTab {
    pub const ALL: [SideTab; 4] = [
        SideTab::Schedule,
        SideTab::Parameters,
        SideTab::Compare,
        SideTab::About,
    ];

    /// The tab's name as the window shows it.
    pub fn label(self) -> &'static str {
        match self {
            SideTab::Schedule => "Schedule",
            SideTab::Parameters => "Mother & baby",
            SideTab::Compare => "Compare",
            SideTab::About => "About",
        }
    }
}

/// Who is looking: the two faces of the explorer over the same scenario, runs and edits. Asked
/// at first start, kept, and switchable in View.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Audience {
    /// A parent: her milk supply in plain words, what is normal, and the questions parents ask.
    Parent,
    /// A clinician or researcher: every plot, unit and source.
    Clinician,
}

impl Audience {
    pub const ALL: [Audience; 2] = [Audience::Parent, Audience::Clinician];

    /// The choice as the person makes it.
    pub fn choice(self) -> &'static str {
        match self {
            Audience::Parent => "I'm a parent",
            Audience::Clinician => "I'm a clinician or researcher",
        }
    }

    /// What that choice shows, in one line.
    pub fn promise(self) -> &'static str {
        match self {
            Audience::Parent => {
                "Your milk supply in plain words, what is normal, and answers to the questions \
                 parents ask."
            }
            Audience::Clinician => {
                "The whole model: supply, both breasts, hormones, composition, every unit and \
                 source, comparisons and ranges."
            }
        }
    }

    /// The name of the view in the View menu.
    pub fn view_name(self) -> &'static str {
        match self {
            Audience::Parent => "Parent's view",
            Audience::Clinician => "Clinician's view",
        }
    }
}
