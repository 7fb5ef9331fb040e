//! Byte-identical output whatever the thread count or chunk size.

mod common;
use common::*;

#[test]
fn threads_and_chunks_do_not_change_a_byte() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let (gbk, _, _) = encoding_rs::GBK.encode(REPLY);
    for i in 0..120 {
        let bytes: Vec<u8> = match i % 6 {
            0 => gbk.to_vec(),
            1 => utf16(REPLY, i % 4 == 1, false),
            2 => b"".to_vec(),
            3 => format!("{REPLY}第{i}号\n").into_bytes(),
            4 => REPLY.repeat(i % 7 + 1).into_bytes(),
            _ => b"\x00\x01binary".to_vec(),
        };
        write(&root.join(format!("d{}/{i:03}.txt", i % 3)), &bytes);
    }
    // Segmentation on: keywords and token counts must be deterministic too.
    let one = dafu(&["extract", "-q", "--threads", "1", p(root)], None);
    let two = dafu(&["extract", "-q", "--threads", "2", "--chunk", "7", p(root)], None);
    let two_again = dafu(&["extract", "-q", "--threads", "2", "--chunk", "1", p(root)], None);
    assert_eq!(one.status.code(), Some(1));
    assert_eq!(records(&one).len(), 120);
    assert!(one.stdout == two.stdout, "--threads 1 and --threads 2 differ");
    assert!(one.stdout == two_again.stdout, "chunk size changed the output");
}
