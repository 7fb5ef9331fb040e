//! Fuzz decode + normalize + segment + extract + record through the public pipeline.
//!
//! Run on stable: `cargo fuzz run pipeline --sanitizer none -- -max_total_time=900`.
//! Seeds: `fuzz/seeds/` plus the fixtures (see README "Guarantees and how they are tested").
//! Whatever it finds goes into tests/regressions/ as a plain file (tests/hostile.rs replays
//! every file there through the same checks).
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;

static PIPELINE: LazyLock<dafu::Pipeline> =
    LazyLock::new(|| dafu::Pipeline::new(dafu::Config::default()).expect("pipeline"));

fuzz_target!(|data: &[u8]| {
    let record = PIPELINE.process_bytes("fuzz", Some("fuzz"), data);
    dafu::robustness::check_record(&record).expect("record invariants");
    // A second run over the same bytes: any HashMap order or hidden state would show here.
    let again = PIPELINE.process_bytes("fuzz", Some("fuzz"), data);
    dafu::robustness::check_deterministic(&record, &again).expect("deterministic");
    // The same bytes as text (a stdin record) when they are UTF-8: the other entry point.
    if let Ok(text) = std::str::from_utf8(data) {
        let record = PIPELINE.process_text("fuzz", text);
        dafu::robustness::check_record(&record).expect("record invariants (text)");
    }
});
