//! The file manager's descriptor methods (`open`, `read`, `write`,
//! `fstat`, `ftruncate`, `close` and `…Sync`) and in-place edits
//! (`appendFile`, `truncate`) from JS, per profile: what each platform's
//! manager has, positional or options-object `…Sync` forms, file
//! positions, and each platform's failure shape.

use crate::fs::{Dir, page, run};
use crate::support::{assert_clean, console};

/// WeChat's descriptor round trip: write through one descriptor, read
/// back through another, at the file position and at a given position.
const DESCRIPTORS: &str = r#"
const fd = fs.openSync({ filePath: root + '/d.bin', flag: 'w+' });
console.log('fd ' + typeof fd);
console.log('wrote ' + show(fs.writeSync({ fd, data: 'hello ' })));
const ab = new Uint8Array([0, 119, 111, 114, 108, 100, 0]).buffer;
console.log('wrote ' + show(fs.writeSync({ fd, data: ab, offset: 1, length: 5 })));
const st = fs.fstatSync({ fd });
console.log('fstat ' + st.size + ' ' + st.isFile());
const buf = new ArrayBuffer(8);
const r = fs.readSync({ fd, arrayBuffer: buf, offset: 2, length: 5, position: 6 });
console.log('read ' + r.bytesRead + ' ' + (r.arrayBuffer === buf) + ' ' + Array.from(new Uint8Array(buf)).join(','));
fs.ftruncateSync({ fd, length: 5 });
fs.closeSync({ fd });
console.log('file ' + fs.readFileSync(root + '/d.bin', 'utf8'));
fs.open({ filePath: root + '/d.bin', success(o) {
  const b = new ArrayBuffer(3);
  fs.read({ fd: o.fd, arrayBuffer: b, length: 3, success(res) {
    console.log('async read ' + res.bytesRead + ' ' + TextDecoderish(res.arrayBuffer));
    fs.read({ fd: o.fd, arrayBuffer: new ArrayBuffer(3), length: 3, success(res2) {
      console.log('next ' + res2.bytesRead + ' ' + TextDecoderish(res2.arrayBuffer).slice(0, res2.bytesRead));
      fs.write({ fd: o.fd, data: 'x', fail(e) { console.log('write r ' + show(e)); } });
      fs.close({ fd: o.fd, success() {
        fs.fstat({ fd: o.fd, fail(e) { console.log('closed ' + show(e)); } });
      } });
    } });
  } });
} });
fs.open({ filePath: root + '/d.bin', flag: 'wx', fail(e) { console.log('wx ' + show(e)); } });
fs.open({ filePath: root + '/none.bin', fail(e) { console.log('r missing ' + show(e)); } });
fs.open({ filePath: 'index.js', flag: 'a', fail(e) { console.log('a package ' + show(e)); } });
fs.open({ filePath: root + '/d.bin', flag: 'q', fail(e) { console.log('flag ' + show(e)); } });
fs.appendFile({ filePath: root + '/log.txt', data: 'a', fail(e) { console.log('append missing ' + show(e)); } });
fs.writeFileSync(root + '/log.txt', 'ab', 'utf8');
fs.appendFileSync(root + '/log.txt', '6364', 'hex');
fs.appendFile({ filePath: root + '/log.txt', data: 'e', success(r) { console.log('append ' + show(r) + ' ' + fs.readFileSync(root + '/log.txt', 'utf8')); } });
"#;

/// `String.fromCharCode` over an `ArrayBuffer` (no TextDecoder on the
/// platforms' phones).
const DECODE: &str =
    "function TextDecoderish(b) { return String.fromCharCode(...new Uint8Array(b)); }\n";

#[test]
fn wechat_descriptors_read_and_write_at_file_positions_and_fail_with_errno() {
    let pkg = Dir::new("fd");
    let out = Dir::new("fd-out");
    page(&pkg, &format!("{DECODE}{DESCRIPTORS}"));
    let report = run("wechat", &pkg.0, &out.0);
    assert_clean(&report);
    assert_eq!(
        console(&report),
        [
            "fd string",
            r#"wrote {"bytesWritten":6}"#,
            r#"wrote {"bytesWritten":5}"#,
            "fstat 11 true",
            "read 5 true 0,0,119,111,114,108,100,0",
            "file hello",
            r#"wx {"errMsg":"open:fail file already exists wxfile://usr/d.bin","errno":1301005}"#,
            r#"r missing {"errMsg":"open:fail no such file or directory, open wxfile://usr/none.bin","errno":1300002}"#,
            r#"a package {"errMsg":"open:fail permission denied, open index.js","errno":1300013}"#,
            r#"flag {"errMsg":"open:fail parameter error: parameter.flag should be a/ax/a+/ax+/as/as+/r/r+/w/wx/w+/wx+ instead of q"}"#,
            r#"append missing {"errMsg":"appendFile:fail no such file or directory, open wxfile://usr/log.txt","errno":1300002}"#,
            r#"append {"errMsg":"appendFile:ok"} abcde"#,
            // `read`'s callbacks were queued by `open`'s, after the rest.
            "async read 3 hel",
            "next 2 lo",
            r#"write r {"errMsg":"write:fail bad file descriptor","errno":1300009}"#,
            r#"closed {"errMsg":"fstat:fail bad file descriptor","errno":1300009}"#,
        ]
    );
}

/// Path edits on every profile: what the manager has, `truncate`'s
/// argument style, and `appendFile` on a missing file.
const EDITS: &str = r#"
console.log('has ' + ['open', 'read', 'write', 'fstat', 'ftruncate', 'close', 'appendFile', 'truncate', 'openSync', 'truncateSync', 'appendFileSync'].filter((m) => typeof fs[m] === 'function').join(','));
if (fs.appendFile) {
  fs.appendFile({ filePath: root + '/new.txt', data: 'abc',
    success() { console.log('created ' + fs.readFileSync(root + '/new.txt', 'utf8')); },
    fail(e) { console.log('not created ' + show(e)); } });
  fs.writeFileSync(root + '/t.txt', 'abcdef', 'utf8');
  try { fs.truncateSync(root + '/t.txt', 2); } catch (e) { console.log('positional ' + e.message); }
  try { fs.truncateSync({ filePath: root + '/t.txt', length: 4 }); } catch (e) { console.log('object ' + e.message); }
  const bytes = new Uint8Array(fs.readFileSync(root + '/t.txt'));
  console.log('t ' + Array.from(bytes).join(','));
  fs.truncate({ filePath: root, length: 1, fail(e) { console.log('folder ' + show(e)); } });
  fs.truncate({ filePath: 'index.js', fail(e) { console.log('package ' + show(e)); } });
}
"#;

#[test]
fn edits_follow_each_profiles_documented_manager() {
    let cases: [(&str, &[&str]); 4] = [
        (
            "wechat",
            &[
                "has open,read,write,fstat,ftruncate,close,appendFile,truncate,openSync,truncateSync,appendFileSync",
                "positional truncateSync:fail parameter error: parameter.filePath should be String instead of Undefined",
                // The object form is WeChat's: "abcdef" cut to 4 bytes.
                "t 97,98,99,100",
                r#"not created {"errMsg":"appendFile:fail no such file or directory, open wxfile://usr/new.txt","errno":1300002}"#,
                r#"folder {"errMsg":"truncate:fail illegal operation on a directory, open wxfile://usr","errno":1301003}"#,
                r#"package {"errMsg":"truncate:fail permission denied, open index.js","errno":1300013}"#,
            ],
        ),
        (
            "douyin",
            &[
                "has appendFile,truncate,truncateSync,appendFileSync",
                "object truncateSync:fail parameter error: parameter.filePath should be String instead of Object",
                // The positional form is Douyin's: "abcdef" cut to 2 bytes.
                "t 97,98",
                "created abc",
                r#"folder {"errMsg":"truncate:fail operation not permitted, truncate ttfile://user"}"#,
                r#"package {"errMsg":"truncate:fail permission denied, truncate index.js"}"#,
            ],
        ),
        ("alipay", &["has "]),
        ("feishu", &["has "]),
    ];
    for (profile, expected) in cases {
        let pkg = Dir::new("edits");
        let out = Dir::new("edits-out");
        page(&pkg, EDITS);
        let report = run(profile, &pkg.0, &out.0);
        assert_clean(&report);
        assert_eq!(console(&report), expected, "{profile}");
    }
}
