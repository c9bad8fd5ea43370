//! docs/hosting.md quotes the nginx configuration that the e2e tests and the benchmark run
//! (docs/hosting/nginx.conf, scripts/lib.sh): the copy readers take must be the tested one.

#[test]
fn hosting_doc_quotes_the_tested_nginx_config_verbatim() {
    let conf = include_str!("../docs/hosting/nginx.conf");
    let doc = include_str!("../docs/hosting.md");
    let block = format!("```nginx\n{conf}```\n");
    assert!(
        doc.contains(&block),
        "docs/hosting.md must contain docs/hosting/nginx.conf verbatim in a ```nginx block \
         (copy the file into it after changing it)"
    );
}
