//! The file manager's folder methods from JS, per profile: `mkdir`,
//! `readdir`, `stat` (one `Stats`, and the recursive list), `copyFile`,
//! `rename`, `rmdir`, `unzip`, `getSavedFileList` / `removeSavedFile`,
//! their `…Sync` forms, each platform's failure shape, and archives that
//! would leave the target failing whole with nothing written.

use std::io::Write;
use std::path::Path;

use mpcanvas_runtime::run::RunReport;

use crate::fs::{Dir, page, run};
use crate::support::{assert_clean, console};

/// A package folder and the data folder its runs use.
struct Project {
    pkg: Dir,
    out: Dir,
}

impl Project {
    /// Empty folders named after `tag`.
    fn new(tag: &str) -> Project {
        Project {
            pkg: Dir::new(tag),
            out: Dir::new(&format!("{tag}-out")),
        }
    }

    /// A project whose page runs `body` (`crate::fs::page`).
    fn page(tag: &str, body: &str) -> Project {
        let project = Project::new(tag);
        page(&project.pkg, body);
        project
    }

    /// Runs the package on `profile`; the run itself is clean.
    fn run(&self, profile: &str) -> RunReport {
        let report = run(profile, &self.pkg.0, &self.out.0);
        assert_clean(&report);
        report
    }
}

/// The names in a folder.
fn names_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

const TREE: &str = r#"
const val = (r, k) => (r && r[k] !== undefined && !Array.isArray(r) && !(r.isFile) ? r[k] : r);
fs.mkdirSync(root + '/a/b', true);
fs.writeFileSync(root + '/a/b/c.txt', 'hello', 'utf8');
fs.copyFileSync(root + '/a/b/c.txt', root + '/a/d.txt');
console.log('readdir ' + show(val(fs.readdirSync(root + '/a'), 'files')));
const s = val(fs.statSync(root + '/a/d.txt'), 'stats');
console.log('stat file ' + s.isFile() + ' ' + s.isDirectory() + ' ' + s.size + ' ' + (s.mode & 0o170000).toString(8));
fs.stat({ path: root + '/a', recursive: true, success(r) {
  console.log('tree ' + r.stats.map((e) => e.path + '=' + (e.stats.isDirectory() ? 'dir' : e.stats.size)).join(' '));
} });
fs.renameSync(root + '/a/d.txt', root + '/e.txt');
fs.mkdir({ dirPath: root + '/a', fail(e) { console.log('mkdir ' + show(e)); } });
fs.mkdir({ dirPath: root + '/x/y', fail(e) { console.log('no parent ' + show(e)); } });
fs.rmdir({ dirPath: root + '/a', fail(e) { console.log('rmdir ' + show(e)); } });
fs.rmdir({ dirPath: root + '/a', recursive: true, success() {
  console.log('left ' + show(val(fs.readdirSync(root), 'files')));
} });
fs.readdir({ dirPath: root + '/e.txt', fail(e) { console.log('readdir file ' + show(e)); } });
fs.copyFile({ srcPath: root + '/e.txt', destPath: '/copy.txt', fail(e) { console.log('copy out ' + show(e)); } });
"#;

#[test]
fn folder_methods_change_the_user_area_and_fail_in_each_platforms_shape() {
    let cases = [
        (
            "wechat",
            [
                r#"mkdir {"errMsg":"mkdir:fail file already exists wxfile://usr/a","errno":1301005}"#,
                r#"no parent {"errMsg":"mkdir:fail no such file or directory, open wxfile://usr/x/y","errno":1300002}"#,
                r#"rmdir {"errMsg":"rmdir:fail directory not empty","errno":1300066}"#,
                r#"readdir file {"errMsg":"readdir:fail not a directory wxfile://usr/e.txt","errno":1300020}"#,
                r#"copy out {"errMsg":"copyFile:fail permission denied, open /copy.txt","errno":1300013}"#,
            ],
        ),
        (
            "alipay",
            [
                r#"mkdir {"error":10025,"errorMessage":"file already exists https://usr/a"}"#,
                r#"no parent {"error":10022,"errorMessage":"no such file or directory, open https://usr/x/y"}"#,
                r#"rmdir {"error":10027,"errorMessage":"directory not empty"}"#,
                r#"readdir file {"error":10022,"errorMessage":"not a directory https://usr/e.txt"}"#,
                r#"copy out {"error":10024,"errorMessage":"permission denied, open /copy.txt"}"#,
            ],
        ),
        (
            "douyin",
            [
                r#"mkdir {"errMsg":"mkdir:fail file already exists, mkdir ttfile://user/a"}"#,
                r#"no parent {"errMsg":"mkdir:fail no such file or directory, mkdir ttfile://user/x/y"}"#,
                r#"rmdir {"errMsg":"rmdir:fail directory not empty, rmdir ttfile://user/a"}"#,
                r#"readdir file {"errMsg":"readdir:fail not a directory, readdir ttfile://user/e.txt"}"#,
                r#"copy out {"errMsg":"copyFile:fail permission denied, copyFile /copy.txt"}"#,
            ],
        ),
    ];
    for (profile, fails) in cases {
        let project = Project::page("tree", TREE);
        let report = project.run(profile);
        let mut expected = vec![
            r#"readdir ["b","d.txt"]"#.to_owned(),
            "stat file true false 5 100000".to_owned(),
            "tree /=dir /b=dir /b/c.txt=5 /d.txt=5".to_owned(),
        ];
        expected.extend(fails[..3].iter().map(|s| s.to_string()));
        expected.push(r#"left ["e.txt"]"#.to_owned());
        expected.extend(fails[3..].iter().map(|s| s.to_string()));
        assert_eq!(console(&report), expected, "{profile}");
        let usr = project.out.0.join("usr");
        assert_eq!(std::fs::read(usr.join("e.txt")).unwrap(), b"hello");
        assert!(!usr.join("a").exists(), "{profile}");
    }
}

#[test]
fn feishu_has_no_folder_methods_until_its_docs_list_them() {
    let report = Project::page(
        "fs-feishu",
        "console.log(['mkdir', 'readdirSync', 'stat', 'unzip', 'getSavedFileList'].map((m) => typeof fs[m]).join(' '));",
    )
    .run("feishu");
    assert_eq!(
        console(&report),
        ["undefined undefined undefined undefined undefined"]
    );
}

/// A zip archive of `(name, contents)` entries, deflated.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in entries {
            zip.start_file(*name, options).unwrap();
            zip.write_all(data).unwrap();
        }
        zip.finish().unwrap();
    }
    out.into_inner()
}

#[test]
fn unzip_extracts_whole_and_an_archive_that_would_leave_the_target_writes_nothing() {
    let project = Project::new("unzip");
    let pkg = &project.pkg;
    pkg.write(
        "good.zip",
        &zip_of(&[("poster/a.txt", b"one"), ("poster/sub/b.txt", b"two")]),
    );
    pkg.write(
        "evil.zip",
        &zip_of(&[("fine.txt", b"fine"), ("../escaped.txt", b"bad")]),
    );
    pkg.write("not.zip", b"plain text");
    page(
        pkg,
        r#"
fs.unzip({ zipFilePath: '/good.zip', targetPath: root + '/out', success(r) {
  console.log('good ' + show(r) + ' ' + show(fs.readdirSync(root + '/out/poster')) + ' ' + fs.readFileSync(root + '/out/poster/sub/b.txt', 'utf8'));
} });
fs.unzip({ zipFilePath: '/evil.zip', targetPath: root + '/evil', fail(e) { console.log('evil ' + show(e)); } });
fs.unzip({ zipFilePath: '/not.zip', targetPath: root + '/not', fail(e) { console.log('not ' + show(e)); } });
fs.unzip({ zipFilePath: '/good.zip', targetPath: '/pkg', fail(e) { console.log('target ' + show(e)); } });
console.log('sync ' + typeof fs.unzipSync);
"#,
    );
    let report = project.run("wechat");
    let out = &project.out;
    assert_eq!(
        console(&report),
        [
            "sync undefined",
            r#"good {"errMsg":"unzip:ok"} ["a.txt","sub"] two"#,
            r#"evil {"errMsg":"unzip:fail operation not permitted, unzip /evil.zip","errno":1300001}"#,
            r#"not {"errMsg":"unzip:fail operation not permitted, unzip /not.zip","errno":1300001}"#,
            r#"target {"errMsg":"unzip:fail permission denied, open /pkg","errno":1300013}"#,
        ]
    );
    // Nothing of the refused archive was written, inside or outside.
    assert!(!out.0.join("usr/evil").exists());
    assert!(!out.0.join("escaped.txt").exists() && !out.0.join("usr/escaped.txt").exists());
    assert_eq!(
        names_in(&out.0.join("usr")),
        ["out"],
        "no staging folder is left"
    );
}

#[test]
fn saved_files_are_listed_and_removed() {
    let project = Project::new("saved");
    project.pkg.write(
        "game.js",
        br#"
const fs = wx.getFileSystemManager();
const canvas = wx.createCanvas();
const temp = canvas.toTempFilePathSync({ x: 0, y: 0, width: 8, height: 8, destWidth: 8, destHeight: 8 });
const saved = fs.saveFileSync(temp);
fs.getSavedFileList({ success(r) {
  const f = r.fileList[0];
  console.log(r.errMsg + ' ' + r.fileList.length + ' ' + (f.filePath === saved) + ' ' + (f.size > 0) + ' ' + typeof f.createTime);
  fs.removeSavedFile({ filePath: saved, success(r) {
    console.log(r.errMsg);
    fs.getSavedFileList({ success(r) { console.log('after ' + r.fileList.length); } });
  } });
  fs.removeSavedFile({ filePath: wx.env.USER_DATA_PATH + '/x', fail(e) { console.log(e.errMsg); } });
} });
"#,
    );
    let report = project.run("wechat-game");
    assert_eq!(
        console(&report),
        [
            "getSavedFileList:ok 1 true true number",
            "removeSavedFile:ok",
            "removeSavedFile:fail no such file or directory, open wxfile://usr/x",
            "after 0",
        ]
    );
}

#[cfg(unix)]
#[test]
fn folder_methods_never_follow_a_link_out_of_the_user_area() {
    let project = Project::new("links");
    let (pkg, out) = (&project.pkg, &project.out);
    let outside = Dir::new("links-outside");
    outside.write("secret.txt", b"secret");
    std::fs::create_dir_all(out.0.join("usr")).unwrap();
    std::os::unix::fs::symlink(&outside.0, out.0.join("usr/outside")).unwrap();
    std::os::unix::fs::symlink(outside.0.join("secret.txt"), out.0.join("usr/secret.txt")).unwrap();
    pkg.write("good.zip", &zip_of(&[("x.txt", b"x")]));
    page(
        pkg,
        r#"
const tryIt = (label, f) => { try { f(); console.log(label + ' ok'); } catch (e) { console.log(label + ' ' + e.errno); } };
console.log('listed ' + show(fs.readdirSync(root)));
tryIt('readdir', () => fs.readdirSync(root + '/outside'));
tryIt('stat', () => fs.statSync(root + '/outside/secret.txt'));
tryIt('stat link', () => fs.statSync(root + '/secret.txt'));
tryIt('rmdir', () => fs.rmdirSync(root + '/outside', true));
tryIt('rename', () => fs.renameSync(root + '/outside/secret.txt', root + '/got.txt'));
tryIt('copy', () => fs.copyFileSync(root + '/secret.txt', root + '/got.txt'));
tryIt('mkdir', () => fs.mkdirSync(root + '/outside/new', true));
fs.unzip({ zipFilePath: '/good.zip', targetPath: root + '/outside/unzipped', fail(e) { console.log('unzip ' + e.errno); } });
"#,
    );
    let report = project.run("wechat");
    assert_eq!(
        console(&report),
        [
            "listed []",
            "readdir 1300002",
            "stat 1300002",
            "stat link 1300002",
            "rmdir 1300002",
            "rename 1300002",
            "copy 1300002",
            "mkdir 1300002",
            "unzip 1300002",
        ]
    );
    assert_eq!(
        names_in(&outside.0),
        ["secret.txt"],
        "nothing outside changed"
    );
    assert_eq!(
        std::fs::read(outside.0.join("secret.txt")).unwrap(),
        b"secret"
    );
}

/// `readdir` and `stat` of the package's own folders: listed and stat'ed
/// where the profile's manager reaches them (WeChat, Alipay), "no such
/// file" on Douyin; changing them is refused everywhere.
#[test]
fn package_folders_are_read_only_and_reached_where_the_profile_says() {
    const BODY: &str = r#"
const val = (r, k) => (r && r[k] !== undefined && !Array.isArray(r) && !(r.isFile) ? r[k] : r);
const tryIt = (label, f) => { try { console.log(label + ' ' + show(f())); } catch (e) { console.log(label + ' threw'); } };
tryIt('root', () => val(fs.readdirSync('/'), 'files'));
tryIt('images', () => val(fs.readdirSync('images'), 'files'));
tryIt('dir', () => val(fs.statSync('/images'), 'stats').isDirectory());
fs.stat({ path: 'images', recursive: true,
  success(r) { console.log('tree ' + r.stats.map((e) => e.path).join(' ')); },
  fail() { console.log('tree failed'); } });
tryIt('mkdir', () => fs.mkdirSync('images/new'));
"#;
    let cases: [(&str, &[&str]); 3] = [
        (
            "wechat",
            &[
                r#"root ["images","index.js","index.wxml"]"#,
                r#"images ["a.png"]"#,
                "dir true",
                "mkdir threw",
                "tree / /a.png",
            ],
        ),
        (
            "alipay",
            &[
                r#"root ["images","index.js","index.wxml"]"#,
                r#"images ["a.png"]"#,
                "dir true",
                "mkdir threw",
                "tree / /a.png",
            ],
        ),
        (
            "douyin",
            &[
                "root threw",
                "images threw",
                "dir threw",
                "mkdir threw",
                "tree failed",
            ],
        ),
    ];
    for (profile, expected) in cases {
        let project = Project::page("pkgdirs", BODY);
        project.pkg.write("images/a.png", b"not really");
        let report = project.run(profile);
        assert_eq!(console(&report), expected, "{profile}");
        assert!(!project.pkg.0.join("images/new").exists());
    }
}
