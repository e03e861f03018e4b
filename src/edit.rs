//! Edits of a scenario, as values.
//!
//! The GUI's panels never change a [`Scenario`] from inside their drawing code: they return
//! [`Edit`]s, which the application applies after the UI pass. That gives one place where undo and
//! redo, "unsaved changes" and re-simulation are handled, and lets the edits be tested without a
//! window. Nothing here knows about egui.

use crate::absence::Absence;
use crate::calendar::CivilDate;
use crate::mother_takes::Dosing;
use crate::params::{Group, PARAMS, Param};
use crate::scenario::{Scenario, Weaning};
use crate::schedule::{Responsive, Rule, Session, Skip};

/// A change to one list of the schedule.
#[derive(Clone, Debug, PartialEq)]
pub enum ListEdit<T> {
    Add(T),
    /// Replace the entry at this index.
    Update(usize, T),
    Remove(usize),
    /// Insert a copy right after the entry.
    Duplicate(usize),
    /// Insert this entry at this index (a copy the GUI has placed so it collides with nothing);
    /// past the end it goes last.
    Insert(usize, T),
}

impl<T: Clone> ListEdit<T> {
    fn apply(self, list: &mut Vec<T>) {
        match self {
            ListEdit::Add(t) => list.push(t),
            ListEdit::Update(i, t) => {
                if let Some(slot) = list.get_mut(i) {
                    *slot = t;
                }
            }
            ListEdit::Remove(i) => {
                if i < list.len() {
                    list.remove(i);
                }
            }
            ListEdit::Duplicate(i) => {
                if let Some(t) = list.get(i).cloned() {
                    list.insert(i + 1, t);
                }
            }
            ListEdit::Insert(i, t) => list.insert(i.min(list.len()), t),
        }
    }

    /// The index this edit touches, if it touches one entry (for merging drags into one undo step).
    fn index(&self) -> Option<usize> {
        match self {
            ListEdit::Update(i, _) => Some(*i),
            _ => None,
        }
    }
}

/// One change a person makes to the scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Set a numeric parameter of [`PARAMS`] (by its field path).
    SetParam {
        path: &'static str,
        value: f64,
    },
    /// Put every parameter of a group back to its default.
    ResetGroup(Group),
    SetName(String),
    SetDescription(String),
    SetSeed(u64),
    /// The baby's date of birth (or none).
    SetBirthDate(Option<CivilDate>),
    SetWeaning(Option<Weaning>),
    SetResponsive(Option<Responsive>),
    Rules(ListEdit<Rule>),
    Sessions(ListEdit<Session>),
    Skips(ListEdit<Skip>),
    /// Recurring times the mother is away (`schedule.absences`).
    Absences(ListEdit<Absence>),
    /// What the mother takes: the courses of medicine in `schedule.mother_takes`.
    MotherTakes(ListEdit<Dosing>),
    /// Several edits that make one plan ("back to work": an absence and pump sessions at work),
    /// applied in order and undone as one step; `what` names it for the undo menu.
    Plan {
        what: String,
        edits: Vec<Edit>,
    },
}

impl Edit {
    /// Apply the edit. An edit that names something that is not there (a parameter path that
    /// does not exist, a list index past the end) changes nothing.
    pub fn apply(self, sc: &mut Scenario) {
        match self {
            Edit::SetParam { path, value } => {
                if let Some(p) = crate::params::param(path) {
                    (p.set)(sc, value);
                }
            }
            Edit::ResetGroup(group) => reset_group(sc, group),
            Edit::SetName(s) => sc.name = s,
            Edit::SetDescription(s) => sc.description = s,
            Edit::SetSeed(s) => sc.seed = s,
            Edit::SetBirthDate(d) => sc.birth_date = d,
            Edit::SetWeaning(w) => sc.infant.weaning = w,
            Edit::SetResponsive(r) => sc.schedule.responsive = r,
            Edit::Rules(e) => e.apply(&mut sc.schedule.rules),
            Edit::Sessions(e) => e.apply(&mut sc.schedule.sessions),
            Edit::Skips(e) => e.apply(&mut sc.schedule.skips),
            Edit::Absences(e) => e.apply(&mut sc.schedule.absences),
            Edit::MotherTakes(e) => e.apply(&mut sc.schedule.mother_takes),
            Edit::Plan { edits, .. } => {
                for e in edits {
                    e.apply(sc);
                }
            }
        }
    }

    /// Edits with the same key, one right after the other, are one step for undo: dragging a
    /// slider from 3 to 8 is undone in one go, not one frame at a time.
    pub fn merge_key(&self) -> Option<String> {
        match self {
            Edit::SetParam { path, .. } => Some((*path).to_owned()),
            Edit::SetName(_) => Some("name".into()),
            Edit::SetDescription(_) => Some("description".into()),
            Edit::SetSeed(_) => Some("seed".into()),
            Edit::SetBirthDate(_) => Some("birth date".into()),
            Edit::SetWeaning(Some(_)) => Some("weaning".into()),
            Edit::SetResponsive(Some(_)) => Some("responsive".into()),
            Edit::Rules(e) => e.index().map(|i| format!("rules[{i}]")),
            Edit::Sessions(e) => e.index().map(|i| format!("sessions[{i}]")),
            Edit::Skips(e) => e.index().map(|i| format!("skips[{i}]")),
            Edit::Absences(e) => e.index().map(|i| format!("absences[{i}]")),
            Edit::MotherTakes(e) => e.index().map(|i| format!("mother_takes[{i}]")),
            _ => None,
        }
    }

    /// A few words for the undo menu ("Undo: prolactin half-life").
    pub fn describe(&self) -> String {
        fn list<T>(what: &str, e: &ListEdit<T>) -> String {
            match e {
                ListEdit::Add(_) => format!("add {what}"),
                ListEdit::Update(i, _) => format!("edit {what} {}", i + 1),
                ListEdit::Remove(i) => format!("delete {what} {}", i + 1),
                ListEdit::Duplicate(i) => format!("duplicate {what} {}", i + 1),
                ListEdit::Insert(i, _) => format!("copy of {what} {i}"),
            }
        }
        match self {
            Edit::SetParam { path, .. } => crate::params::param(path)
                .map_or_else(|| (*path).to_owned(), |p| p.label.to_lowercase()),
            Edit::ResetGroup(g) => format!("reset {}", g.title().to_lowercase()),
            Edit::SetName(_) => "name".into(),
            Edit::SetDescription(_) => "description".into(),
            Edit::SetSeed(_) => "seed".into(),
            Edit::SetBirthDate(_) => "date of birth".into(),
            Edit::SetWeaning(_) => "weaning".into(),
            Edit::SetResponsive(_) => "feeding on demand".into(),
            Edit::Rules(e) => list("rule", e),
            Edit::Sessions(e) => list("session", e),
            Edit::Skips(e) => list("skip", e),
            Edit::Absences(e) => list("absence", e),
            Edit::MotherTakes(e) => list("medicine", e),
            Edit::Plan { what, .. } => what.clone(),
        }
    }
}

/// The parameters of a group, in table order.
pub fn params_of(group: Group) -> impl Iterator<Item = &'static Param> {
    PARAMS.iter().filter(move |p| p.group == group)
}

fn reset_group(sc: &mut Scenario, group: Group) {
    let default = Scenario::default();
    for p in params_of(group) {
        (p.set)(sc, (p.get)(&default));
    }
    // The non-numeric parts that belong to a group go back too.
    match group {
        Group::Infant => sc.infant.weaning = default.infant.weaning,
        Group::Run => sc.seed = default.seed,
        Group::Mother
        | Group::Prolactin
        | Group::Oxytocin
        | Group::Takes
        | Group::Pump
        | Group::BetweenMothers => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_param_and_reset_group() {
        let mut sc = Scenario::default();
        Edit::SetParam {
            path: "mother.prolactin.half_life_min",
            value: 50.0,
        }
        .apply(&mut sc);
        assert_eq!(sc.mother.prolactin.half_life_min, 50.0);
        Edit::SetParam {
            path: "infant.effectiveness_0_to_1",
            value: 0.5,
        }
        .apply(&mut sc);
        Edit::ResetGroup(Group::Prolactin).apply(&mut sc);
        assert_eq!(sc.mother.prolactin.half_life_min, 37.0);
        // Another group is left alone.
        assert_eq!(sc.infant.effectiveness_0_to_1, 0.5);
    }

    #[test]
    fn list_edits() {
        let mut sc = Scenario::default();
        let rule = Rule {
            label: "pump".into(),
            ..Rule::default()
        };
        Edit::Rules(ListEdit::Add(rule.clone())).apply(&mut sc);
        Edit::Rules(ListEdit::Duplicate(0)).apply(&mut sc);
        assert_eq!(sc.schedule.rules.len(), 2);
        Edit::Rules(ListEdit::Insert(9, rule.clone())).apply(&mut sc);
        assert_eq!(sc.schedule.rules.len(), 3);
        Edit::Rules(ListEdit::Remove(2)).apply(&mut sc);
        let changed = Rule {
            every_h: 4.0,
            ..rule.clone()
        };
        Edit::Rules(ListEdit::Update(1, changed.clone())).apply(&mut sc);
        assert_eq!(sc.schedule.rules[1], changed);
        Edit::Rules(ListEdit::Remove(0)).apply(&mut sc);
        assert_eq!(sc.schedule.rules, vec![changed]);
        // Out of range: nothing happens, nothing panics.
        Edit::Rules(ListEdit::Remove(7)).apply(&mut sc);
        Edit::Rules(ListEdit::Update(7, rule)).apply(&mut sc);
        assert_eq!(sc.schedule.rules.len(), 1);
    }

    #[test]
    fn medicine_edits() {
        use crate::model::pharmacology::Substance;
        let mut sc = Scenario::default();
        let course = Dosing::usual(Substance::Domperidone, 14.0, 28.0);
        let add = Edit::MotherTakes(ListEdit::Add(course.clone()));
        assert_eq!(add.describe(), "add medicine");
        add.apply(&mut sc);
        assert_eq!(sc.schedule.mother_takes, vec![course.clone()]);
        let higher = Dosing {
            dose_mg: 20.0,
            ..course
        };
        let update = Edit::MotherTakes(ListEdit::Update(0, higher.clone()));
        assert_eq!(update.merge_key().as_deref(), Some("mother_takes[0]"));
        update.apply(&mut sc);
        assert_eq!(sc.schedule.mother_takes, vec![higher]);
        assert_eq!(sc.validate(), vec![]);
        Edit::MotherTakes(ListEdit::Remove(0)).apply(&mut sc);
        assert!(sc.schedule.mother_takes.is_empty());
    }

    #[test]
    fn a_plan_is_applied_in_order_as_one_edit() {
        let mut sc = Scenario::default();
        let plan = Edit::Plan {
            what: "back to work".into(),
            edits: vec![
                Edit::Absences(ListEdit::Add(Absence::default())),
                Edit::Rules(ListEdit::Add(Rule::default())),
                Edit::Rules(ListEdit::Update(
                    0,
                    Rule {
                        every_h: 4.0,
                        ..Rule::default()
                    },
                )),
            ],
        };
        assert_eq!(plan.describe(), "back to work");
        assert_eq!(plan.merge_key(), None);
        plan.apply(&mut sc);
        assert_eq!(sc.schedule.absences.len(), 1);
        assert_eq!(sc.schedule.rules.len(), 1);
        assert_eq!(sc.schedule.rules[0].every_h, 4.0);
    }

    #[test]
    fn merge_keys_join_drags_of_one_field_only() {
        let a = Edit::SetParam {
            path: "mother.stress_0_to_1",
            value: 0.1,
        };
        let b = Edit::SetParam {
            path: "mother.stress_0_to_1",
            value: 0.2,
        };
        let c = Edit::Rules(ListEdit::Remove(0));
        let other_field = Edit::SetParam {
            path: "mother.storage_capacity_left_ml",
            value: 200.0,
        };
        let rule_0 = Edit::Rules(ListEdit::Update(0, Rule::default()));
        let rule_1 = Edit::Rules(ListEdit::Update(1, Rule::default()));
        assert_eq!(a.merge_key(), b.merge_key());
        assert_ne!(a.merge_key(), other_field.merge_key());
        assert_ne!(rule_0.merge_key(), rule_1.merge_key());
        assert_eq!(c.merge_key(), None);
    }
}
