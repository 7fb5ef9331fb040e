//! Fuzz decode + normalize + segment + extract + record through the public pipeline.
//!
//! Run on stable: `cargo fuzz run pipeline --sanitizer none -- -max_total_time=600`.
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
});
