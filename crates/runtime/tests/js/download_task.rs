//! `downloadFile`'s `DownloadTask` from JS, per profile: header and
//! progress listeners hear the finished download before the callbacks, `abort()`
//! before delivery turns the result into `fail abort` and deletes the
//! body's temp file, and a platform
//! without a task (Alipay) returns `undefined`.

use crate::fs::{Dir, page, png, run, server};
use crate::support::{assert_clean, console};

fn script(base: &str) -> String {
    format!(
        r#"
const url = '{base}/poster.png';
const task = ns.downloadFile({{ url, success(r) {{ console.log('ok ' + Object.keys(r).sort().join(',')); }} }});
console.log('task ' + (task === undefined ? 'undefined' : Object.keys(task).join(',')));
if (task) {{
  task.onProgressUpdate((p) => console.log('progress ' + show(p)));
  task.onHeadersReceived((h) => console.log('headers ' + h.header['content-type']));
  const aborted = ns.downloadFile({{ url, success() {{ console.log('not aborted'); }},
    fail(e) {{ console.log('aborted ' + show(e)); }}, complete() {{ console.log('complete'); }} }});
  aborted.onProgressUpdate(() => console.log('no progress after abort'));
  aborted.abort();
  const quiet = ns.downloadFile({{ url, success() {{ console.log('quiet ok'); }} }});
  const removed = () => console.log('removed listener ran');
  quiet.onProgressUpdate(removed);
  quiet.offProgressUpdate(removed);
}}
"#
    )
}

#[test]
fn a_download_task_reports_progress_and_aborts_before_delivery() {
    let base = server();
    let pkg = Dir::new("task");
    let out = Dir::new("task-out");
    page(&pkg, &script(&base));
    let report = run("wechat", &pkg.0, &out.0);
    assert_clean(&report);
    let size = png(6, 4).len();
    assert_eq!(
        console(&report),
        [
            "task abort,onProgressUpdate,offProgressUpdate,onHeadersReceived,offHeadersReceived"
                .to_owned(),
            "headers image/png".to_owned(),
            format!(
                r#"progress {{"progress":100,"totalBytesWritten":{size},"totalBytesExpectedToWrite":{size}}}"#
            ),
            "ok errMsg,statusCode,tempFilePath".to_owned(),
            r#"aborted {"errMsg":"downloadFile:fail abort"}"#.to_owned(),
            "complete".to_owned(),
            "quiet ok".to_owned(),
        ]
    );
    // Three bodies were fetched; the aborted one's temp file is gone.
    let kept = std::fs::read_dir(out.0.join("tmp")).unwrap().count();
    assert_eq!(kept, 2);
}

#[test]
fn alipay_documents_no_download_task() {
    let base = server();
    let pkg = Dir::new("task-ali");
    let out = Dir::new("task-ali-out");
    page(&pkg, &script(&base));
    let report = run("alipay", &pkg.0, &out.0);
    assert_clean(&report);
    assert_eq!(
        console(&report),
        ["task undefined", "ok apFilePath,tempFilePath"]
    );
}
