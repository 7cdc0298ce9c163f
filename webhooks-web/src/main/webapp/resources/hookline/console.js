/* Hookline console: the little behaviour pages need beyond PrimeFaces, loaded as a file so the
   Content-Security-Policy can forbid inline script. */
(function () {
    "use strict";

    function copyWithSelection(text) {
        // Without the clipboard API (plain http, or permission refused): select a temporary field and copy.
        var field = document.createElement("textarea");
        field.value = text;
        field.setAttribute("readonly", "");
        field.style.position = "fixed";
        field.style.opacity = "0";
        document.body.appendChild(field);
        field.select();
        try {
            document.execCommand("copy");
        } finally {
            document.body.removeChild(field);
        }
    }

    function copyText(text) {
        if (navigator.clipboard && window.isSecureContext) {
            return navigator.clipboard.writeText(text).catch(function () {
                copyWithSelection(text);
            });
        }
        copyWithSelection(text);
        return Promise.resolve();
    }

    // "Copy" buttons name the element whose text they copy: data-copy="element id".
    document.addEventListener("click", function (event) {
        var button = event.target.closest ? event.target.closest("button[data-copy]") : null;
        if (!button) {
            return;
        }
        var source = document.getElementById(button.getAttribute("data-copy"));
        if (!source) {
            return;
        }
        copyText(source.textContent.trim()).then(function () {
            button.textContent = "Copied";
            button.setAttribute("data-copied", "true");
            setTimeout(function () { button.textContent = "Copy"; }, 2000);
        });
    });

    // Channel view: a server-sent event stream says when posts commit to this channel; the page then
    // fetches them through its own (access-checked) remote command. EventSource reconnects by itself.
    window.hookline = {
        postsUpdated: function () {
            var live = document.getElementById("live");
            if (live) {
                live.setAttribute("data-refreshes", String(Number(live.getAttribute("data-refreshes") || "0") + 1));
            }
            var posts = document.querySelectorAll(".post");
            if (posts.length) {
                posts[posts.length - 1].scrollIntoView({block: "end"});
            }
        }
    };

    function connectLive() {
        var live = document.getElementById("live");
        if (!live || !window.EventSource) {
            return;
        }
        var source = new EventSource(live.getAttribute("data-live-url"));
        source.addEventListener("ready", function () {
            live.setAttribute("data-state", "live");
        });
        source.addEventListener("posts", function () {
            if (typeof window.refreshPosts === "function") {
                window.refreshPosts();
            }
        });
        // The server ended this stream for good (the user opened too many, or lost access to the
        // channel): reconnecting would only close another tab's stream or be refused.
        source.addEventListener("closed", function (event) {
            if (event.data === "too-many-streams" || event.data === "access") {
                source.close();
                live.setAttribute("data-state", "closed");
            }
        });
        source.onerror = function () {
            live.setAttribute("data-state", "reconnecting");
        };
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", connectLive);
    } else {
        connectLive();
    }
}());
