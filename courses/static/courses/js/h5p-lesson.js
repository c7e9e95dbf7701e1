/* Plays the lesson's H5P activities with h5p-standalone and reports to the server:
   xAPI statements (scores, completion) and resume state. */
(function () {
    "use strict";

    function csrfToken() {
        const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
        return match ? decodeURIComponent(match[1]) : "";
    }

    function post(url, body) {
        return fetch(url, {
            method: "POST",
            credentials: "same-origin",
            keepalive: true,
            headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
            body: JSON.stringify(body),
        });
    }

    async function savedState(el) {
        const response = await fetch(el.dataset.h5pState, { credentials: "same-origin" });
        if (!response.ok) return null;
        return (await response.json()).data;
    }

    async function play(el) {
        const id = el.dataset.h5pId;
        const previous = await savedState(el);
        const options = {
            id: id,
            h5pJsonPath: el.dataset.h5pPath.replace(/\/h5p\.json$/, ""),
            frameJs: el.dataset.frameJs,
            frameCss: el.dataset.frameCss,
            saveFreq: 10,
            xAPIObjectIRI: window.location.origin + el.dataset.h5pPath.replace(/\/h5p\.json$/, ""),
        };
        if (previous) {
            options.contentUserData = [{ dataType: "state", previousState: previous, subContentId: "*" }];
        }
        el.querySelector(".h5p-activity__loading")?.remove();
        await new window.H5PStandalone.H5P(el, options);
        // The player's frame has no name of its own; screen readers announce this one.
        const frame = el.querySelector("iframe");
        if (frame && !frame.title) frame.title = el.getAttribute("aria-label") || "H5P";
        el.dataset.h5pReady = "true";

        // Resume state: H5P keeps it in H5PIntegration; we store it every few seconds.
        let last = previous;
        const save = function () {
            const integration = window.H5PIntegration && window.H5PIntegration.contents["cid-" + id];
            const data = integration && integration.contentUserData && integration.contentUserData[0];
            const state = data ? data.state : null;
            if (state && state !== last) {
                last = state;
                post(el.dataset.h5pState, { data: state });
            }
        };
        setInterval(save, 10000);
        window.addEventListener("pagehide", save);
        return id;
    }

    function report(event) {
        const statement = event.data.statement;
        const extensions = ((statement.object || {}).definition || {}).extensions || {};
        const contentId = String(extensions["http://h5p.org/x-api/h5p-local-content-id"] || "");
        const el = Array.from(document.querySelectorAll("[data-h5p]")).find(function (item) {
            return item.dataset.h5pId === contentId;
        });
        if (!el) return;
        post(el.dataset.h5pXapi, statement)
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (result) {
                if (result && result.completes) {
                    el.dataset.h5pCompleted = "true";
                }
            });
    }

    async function start() {
        const activities = Array.from(document.querySelectorAll("[data-h5p]"));
        if (!activities.length) return;
        // One player at a time: h5p-standalone builds H5PIntegration as it goes.
        for (const el of activities) {
            try {
                await play(el);
            } catch (error) {
                el.textContent = el.dataset.errorText || "H5P";
                console.error(error);
            }
        }
        if (window.H5P && window.H5P.externalDispatcher) {
            window.H5P.externalDispatcher.on("xAPI", report);
        }
    }

    document.addEventListener("DOMContentLoaded", start);
})();
