# The cache in front of the web nodes (site/deploy/compose.yaml). Wagtail purges a published page, its ancestors
# and the network listings (FRONTEND_CACHE_URL, pagecache/frontend.py); the rest expires after the s-maxage the
# pages carry (PAGE_CACHE_FRONT_SECONDS). Signed-in users and anything with a session never come from here.
vcl 4.1;

backend web {
    .host = "web";
    .port = "8000";
}

# Only the application's own containers may purge.
acl purgers {
    "web";
    "worker";
    "localhost";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }
    if (req.url ~ "^/(admin|django-admin)/" || req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Otherwise Varnish's built-in rules: only GET and HEAD, never a request carrying a cookie or credentials,
    # never a response that sets one or says private/no-store.
}
