//! A scenario as a link: the whole scenario in the URL's fragment, `…#s=<payload>`, the payload
//! its preset text (RON, as a file has it) compressed with zlib (flate2: DEFLATE with an Adler-32
//! checksum, so a changed character is found, not read as another scenario) and written in
//! URL-safe base64 without padding. The fragment never reaches a server: the page reads it
//! itself.
//!
//! Links are pasted from mail and messengers: whitespace inside the payload (a wrapped line),
//! punctuation after it ("…#s=abc)."), further fragment parts, and a fragment percent-encoded
//! by a redirecting wrapper (`%23s%3D`) all read.
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
    None => LOCAL_WEB_URL,
};

/// The address of a web build served on this machine (`python3 -m http.server`).
pub const LOCAL_WEB_URL: &str = "http://127.0.0.1:8000/";

/// Said when a link points at [`LOCAL_WEB_URL`]: whoever it is sent to opens it in lactosim on
/// the desktop, not in their browser.
pub const LOCAL_ONLY: &str = "This link points at a lactosim web page on this computer: someone you send it to opens it in lactosim on the desktop (the Share menu's Open a link…, or `lactosim LINK`). For links that open in any browser, build with LACTOSIM_WEB_URL set to where the web version is hosted.";

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
    URL_SAFE_NO_PAD.encode(zlib(text.as_bytes()))
}

/// `bytes` compressed as zlib (DEFLATE with its checksum), at the best compression.
fn zlib(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).expect("writing to memory");
    e.finish().expect("writing to memory")
}

/// Does `text` look like a link to a scenario: has it a `#s=` fragment (also percent-encoded,
/// `%23s%3D`)? (A bare `s=…`, as pasted, is read by [`read_link`] but not taken for a link
/// here, where a file's name could start so.)
pub fn is_link(text: &str) -> bool {
    let t = decoded(text);
    t.contains("#s=")
        || t.contains("#")
            && t.split('#')
                .nth(1)
                .is_some_and(|f| f.split('&').any(|p| p.starts_with(FRAGMENT_KEY)))
}

/// `text` with the percent-encoded `#`, `=` and `&` of a link wrapped by a redirector decoded.
fn decoded(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('%') {
        std::borrow::Cow::Owned(
            text.replace("%23", "#")
                .replace("%3D", "=")
                .replace("%3d", "=")
                .replace("%26", "&"),
        )
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The payload of a link's (or a bare fragment's) `s=` entry: whitespace inside it left out (a
/// wrapped line), ending at the first character base64url does not use (punctuation after a
/// link, the next fragment part).
fn fragment_payload(text: &str) -> Option<String> {
    let text = decoded(text);
    let text = text.trim();
    let fragment = text.split_once('#').map_or(text, |(_, f)| f);
    let after = fragment
        .split('&')
        .find_map(|part| part.trim_start().strip_prefix(FRAGMENT_KEY))?;
    Some(
        after
            .chars()
            .filter(|c| !c.is_ascii_whitespace())
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect(),
    )
}

/// Is `path`, given where a preset is read, a link? A file that exists is a file, whatever its
/// name; else a link when it looks like one.
pub fn names_a_link(path: &Path) -> bool {
    !path.is_file() && is_link(&path.to_string_lossy())
}

/// The scenario of a preset file, or of a link given in its place (the command line's PRESET,
/// `--compare`).
pub fn read_preset_or_link(path: &Path) -> Result<Scenario, PresetError> {
    if names_a_link(path) {
        read_link(&path.to_string_lossy())
    } else {
        preset::read_file(path)
    }
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
    // Unpacked as a stream that stops one byte past the limit: a small link that unpacks to a
    // huge text is refused without holding it.
    let limit = preset::MAX_PRESET_BYTES;
    let mut bytes = Vec::new();
    {
        use std::io::Read;
        flate2::read::ZlibDecoder::new(packed.as_slice())
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|_| {
                damaged("it is damaged (it does not unpack): copy the whole link again".into())
            })?;
    }
    if bytes.len() as u64 > limit {
        return Err(damaged(format!(
            "it unpacks to more than {limit} bytes; a scenario is at most that"
        )));
    }
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
        let bad = format!("#s={}", URL_SAFE_NO_PAD.encode(zlib(text.as_bytes())));
        let e = read_link(&bad).unwrap_err().to_string();
        assert!(e.starts_with("the link:1:"), "{e}");
        assert!(e.contains("mother.stress_0_to_1"), "{e}");
    }

    /// As pasted from mail and messengers: wrapped, with punctuation after it, inside a
    /// redirector's percent-encoding, among other fragment parts.
    #[test]
    fn a_link_reads_as_it_arrives_in_a_message() {
        let sc = Scenario::default();
        let l = link(&sc, "https://example.org/");
        let (head, tail) = l.split_at(l.len() / 2);
        for arrived in [
            format!("{head}\n  {tail}"),
            format!("({l})."),
            format!("<{l}>"),
            format!("{l}&other=1"),
            format!("{l}:~:text=milk"),
            format!(
                "https://safelinks.example/?url={}",
                l.replace('#', "%23").replace('=', "%3D")
            ),
        ] {
            assert!(is_link(&arrived), "{arrived}");
            let back = read_link(&arrived).unwrap_or_else(|e| panic!("{arrived}: {e}"));
            assert_eq!(back.schedule, sc.schedule);
        }
        // A changed character is found by the checksum, not read as another scenario.
        let mid = l.len() - 200;
        let mut changed = l.clone().into_bytes();
        changed[mid] = if changed[mid] == b'A' { b'B' } else { b'A' };
        let e = read_link(&String::from_utf8(changed).unwrap())
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("the link: it is damaged"), "{e}");
        // A file's name is not a link.
        assert!(!is_link("s=2.ron"));
        assert!(!is_link("notes-s=1.ron"));
        let too_long = format!("#s={}", "A".repeat(MAX_PAYLOAD_CHARS + 1));
        assert!(
            read_link(&too_long)
                .unwrap_err()
                .to_string()
                .contains("characters long")
        );
    }

    #[test]
    fn a_link_that_unpacks_to_too_much_is_refused() {
        let huge = vec![b' '; preset::MAX_PRESET_BYTES as usize + 10];
        let l = format!("#s={}", URL_SAFE_NO_PAD.encode(zlib(&huge)));
        let e = read_link(&l).unwrap_err().to_string();
        assert!(e.contains("unpacks to more than"), "{e}");
    }
}
