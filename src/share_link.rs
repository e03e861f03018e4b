//! A scenario as a link: the whole scenario in the URL's fragment, `…#s=<payload>`, the payload
//! its preset text (RON, as a file has it) compressed with DEFLATE and written in URL-safe
//! base64 without padding. The fragment never reaches a server: the page reads it itself.
//!
//! Opening a link is reading untrusted input, as opening a file is: the payload and what it
//! inflates to have limits, and a damaged link gives plain-words problems; a link that decodes
//! is then read by the preset reader, so an old or wrong scenario gives the same problems as a
//! file, named "the link".

use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::preset::{self, PresetError};
use crate::scenario::Scenario;

/// What marks the scenario in a link's fragment.
pub const FRAGMENT_KEY: &str = "s=";

/// Longest payload read, characters (a link of every shipped preset is under 2,000 in all).
pub const MAX_PAYLOAD_CHARS: usize = 200_000;

/// Where the web version lives, for links made by the desktop program: set when building
/// (`LACTOSIM_WEB_URL=https://… cargo build --release`), else the address at which
/// `python3 -m http.server` serves a web build on this machine. Any address opens on the
/// desktop: only the fragment is read.
pub const WEB_URL: &str = match option_env!("LACTOSIM_WEB_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:8000/",
};

/// The name a link's problems go by ("the link:3:5: …").
const LINK_NAME: &str = "the link";

/// The link to `scenario` at `base` (an address without a fragment; any fragment is replaced).
pub fn link(scenario: &Scenario, base: &str) -> String {
    let base = base.split('#').next().unwrap_or(base);
    format!("{base}#{FRAGMENT_KEY}{}", payload(scenario))
}

/// The fragment's payload of `scenario`: its preset text, deflated, in URL-safe base64.
pub fn payload(scenario: &Scenario) -> String {
    let text = preset::to_string(scenario);
    let packed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 9);
    URL_SAFE_NO_PAD.encode(packed)
}

/// Does `text` look like a link to a scenario (has the `#s=` fragment)?
pub fn is_link(text: &str) -> bool {
    fragment_payload(text).is_some()
}

/// The payload of a link's (or a bare fragment's) `s=` entry.
fn fragment_payload(text: &str) -> Option<&str> {
    let fragment = text.trim().split_once('#').map_or(text.trim(), |(_, f)| f);
    fragment
        .split('&')
        .find_map(|part| part.strip_prefix(FRAGMENT_KEY))
}

/// The scenario a link holds, or its problems in plain words.
pub fn read_link(text: &str) -> Result<Scenario, PresetError> {
    let damaged = |why: String| PresetError {
        file: Some(LINK_NAME.into()),
        problems: vec![preset::Located {
            line: 0,
            col: 0,
            path: String::new(),
            message: why,
        }],
    };
    let Some(payload) = fragment_payload(text) else {
        return Err(damaged(
            "it holds no scenario: a lactosim link ends in #s= followed by the scenario".into(),
        ));
    };
    if payload.len() > MAX_PAYLOAD_CHARS {
        return Err(damaged(format!(
            "it is {} characters long; a scenario's link is at most {MAX_PAYLOAD_CHARS}",
            payload.len()
        )));
    }
    let packed = URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|_| {
            damaged(
                "it is damaged (some of it is missing or was changed): copy the whole link again"
                    .into(),
            )
        })?;
    let limit = preset::MAX_PRESET_BYTES as usize;
    let bytes =
        miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, limit).map_err(|e| {
            damaged(match e.status {
                miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                    format!("it unpacks to more than {limit} bytes; a scenario is at most that")
                }
                _ => "it is damaged (it does not unpack): copy the whole link again".into(),
            })
        })?;
    let text = String::from_utf8(bytes)
        .map_err(|_| damaged("it is damaged (it does not unpack to text)".into()))?;
    preset::from_str(&text, Some(Path::new(LINK_NAME)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scenario_comes_back_from_its_link() {
        let mut sc = Scenario {
            name: "Night feeds dropped".into(),
            ..Scenario::default()
        };
        sc.mother.stress_0_to_1 = 0.3;
        let l = link(&sc, "https://example.org/lactosim/#old");
        assert!(l.starts_with("https://example.org/lactosim/#s="), "{l}");
        let back = read_link(&l).unwrap();
        assert_eq!(back.name, sc.name);
        assert_eq!(back.mother, sc.mother);
        assert_eq!(back.schedule, sc.schedule);
        // A bare fragment, or one among others, reads too.
        assert!(read_link(&format!("s={}", payload(&sc))).is_ok());
        assert!(read_link(&format!("x#a=1&s={}&b=2", payload(&sc))).is_ok());
        // Link characters only: no '+', '/', '=' or spaces.
        let p = payload(&sc);
        assert!(
            p.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        );
    }

    /// Every shipped preset travels as a link under 2,000 characters (what every browser and
    /// messenger keeps whole), and comes back as it was.
    #[test]
    fn every_shipped_preset_is_a_link_under_2000_characters() {
        for e in crate::examples::EXAMPLES {
            let sc = e.scenario().unwrap();
            let l = link(&sc, WEB_URL);
            eprintln!("{}: {} characters", e.file, l.len());
            assert!(l.len() < 2000, "{}: {} characters", e.file, l.len());
            let back = read_link(&l).unwrap();
            assert_eq!(
                crate::preset::to_string(&back),
                crate::preset::to_string(&sc)
            );
        }
    }

    #[test]
    fn a_damaged_link_says_so_in_plain_words() {
        let sc = Scenario::default();
        let l = link(&sc, "https://example.org/");
        let cut = &l[..l.len() - 40];
        let e = read_link(cut).unwrap_err().to_string();
        assert!(e.starts_with("the link: it is damaged"), "{e}");
        let e = read_link("https://example.org/").unwrap_err().to_string();
        assert!(e.contains("holds no scenario"), "{e}");
        let e = read_link("https://example.org/#s=!!!")
            .unwrap_err()
            .to_string();
        assert!(e.contains("damaged"), "{e}");
        // A scenario with a problem: the preset reader's words, named for the link.
        let text = "(version: 2, mother: (stress_0_to_1: 3.0))";
        let packed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 9);
        let bad = format!("#s={}", URL_SAFE_NO_PAD.encode(packed));
        let e = read_link(&bad).unwrap_err().to_string();
        assert!(e.starts_with("the link:1:"), "{e}");
        assert!(e.contains("mother.stress_0_to_1"), "{e}");
    }

    #[test]
    fn a_link_that_unpacks_to_too_much_is_refused() {
        let huge = vec![b' '; preset::MAX_PRESET_BYTES as usize + 10];
        let packed = miniz_oxide::deflate::compress_to_vec(&huge, 9);
        let l = format!("#s={}", URL_SAFE_NO_PAD.encode(packed));
        let e = read_link(&l).unwrap_err().to_string();
        assert!(e.contains("unpacks to more than"), "{e}");
    }
}
