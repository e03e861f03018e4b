//! The few technical words the parent's face keeps, each explained in a sentence or two (shown
//! when the pointer rests on the word).

/// A word and what it means, in a parent's words.
pub const GLOSSARY: &[(&str, &str)] = &[
    (
        "let-down",
        "The milk starting to flow: a hormone (oxytocin) makes the tiny muscles around the milk sacs squeeze, about a minute after the baby starts to suck, and again a few times in a feed. Some mothers feel it as tingling or a rush of fullness.",
    ),
    (
        "prolactin",
        "The hormone that keeps the breasts able to make milk. It rises every time the baby feeds or you pump; over weeks, frequent feeds keep it working.",
    ),
    (
        "oxytocin",
        "The hormone of the let-down: it makes the milk flow. Stress and pain can hold it back; feeling calm helps.",
    ),
    (
        "colostrum",
        "The first milk, in the first two to four days: a few teaspoons a feed, thick and yellowish, rich in antibodies that protect the baby.",
    ),
    (
        "foremilk",
        "The milk at the start of a feed: more watery and lower in fat, because between feeds the fat stays stuck inside the breast.",
    ),
    (
        "hindmilk",
        "The milk at the end of a feed: richer in fat, washed out of the breast as it empties. Foremilk and hindmilk are the same milk at different moments of a feed.",
    ),
    (
        "mastitis",
        "Inflammation of the breast: a red, hot, painful patch, often with fever and feeling unwell. See your midwife or doctor.",
    ),
    (
        "blocked duct",
        "A tender lump in the breast where milk is not flowing well; feeding or expressing often and gentle massage usually clear it within a day or two.",
    ),
    (
        "lactose",
        "Milk sugar, the main sugar in breast milk. The breast makes it from sugar in your blood, and it draws water into the milk.",
    ),
    (
        "antibodies",
        "Proteins from your immune system that pass into the milk and protect your baby's gut from infections (in the clinician's view: sIgA).",
    ),
];

/// The glossary's words that appear in `text` (whole words, any case), in the glossary's order.
pub fn words_in(text: &str) -> Vec<(&'static str, &'static str)> {
    let lower = text.to_lowercase();
    GLOSSARY
        .iter()
        .filter(|(word, _)| {
            lower.match_indices(word).any(|(i, _)| {
                let before = lower[..i].chars().next_back();
                let after = lower[i + word.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(|c| c.is_alphanumeric() && c != 's')
            })
        })
        .copied()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_of_a_text_are_found_whole() {
        let found: Vec<&str> = words_in("Prolactin rises; a let-down follows. Hindmilk is richer.")
            .into_iter()
            .map(|(w, _)| w)
            .collect();
        assert_eq!(found, ["let-down", "prolactin", "hindmilk"]);
        assert!(words_in("let-downs").iter().any(|(w, _)| *w == "let-down"));
        assert!(words_in("prolactinoma").is_empty());
        assert!(words_in("nothing technical here").is_empty());
    }
}
