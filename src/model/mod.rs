//! The physiology, one file per mechanism. Nothing here knows about files, plots or windows.
//!
//! - [`activation`]: secretory activation after birth and the closing of the tight junctions;
//! - [`gland`]: one breast — stored milk, synthesis, local feedback, capacity, involution;
//! - [`composition`]: what the five secretory pathways secrete, and the fat of the milk removed;
//! - [`pathways`]: what each pathway has moved, and what the gland took from the blood for it;
//! - [`prolactin`]: baseline, suckling surges, slow support of capacity;
//! - [`oxytocin`]: the let-down reflex and stress;
//! - [`infant`]: appetite, hunger, suckling;
//! - [`pharmacology`]: what the mother takes, its amount in her body and its effect;
//! - [`milk_transfer`]: what of it reaches her milk, and the dose at each feed.

pub mod activation;
pub mod composition;
pub mod gland;
pub mod infant;
pub mod milk_transfer;
pub mod oxytocin;
pub mod pathways;
pub mod pharmacology;
pub mod prolactin;
