//! Between mothers: an ensemble of the default scenario against rows P5–P8 of `targets.md`
//! (`lactosim::validate::population`). One ensemble is shared by the four rows.

use lactosim::validate::{Runs, population};

#[test]
fn p5_to_p8_between_mothers() {
    let runs = Runs::default();
    let rows = population::rows();
    assert_eq!(
        rows.iter().map(|r| r.id).collect::<Vec<_>>(),
        ["P5", "P6", "P7", "P8"]
    );
    for row in rows {
        let o = (row.check)(&runs);
        assert!(o.pass, "{}: {}", row.id, o.model);
    }
}
