// AgentHub page behaviour. No inline scripts anywhere: the Content-Security-Policy forbids them.
(function () {
  "use strict";

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }

  // htmx requests carry the CSRF token like forms do.
  document.addEventListener("htmx:configRequest", function (event) {
    var c = csrf();
    if (c && event.detail.verb !== "get") {
      event.detail.headers[c.header] = c.token;
    }
  });

  // Failed htmx calls show the server's reason instead of failing silently.
  document.addEventListener("htmx:responseError", function (event) {
    var box = document.getElementById("htmx-error");
    if (!box) { return; }
    var xhr = event.detail.xhr;
    var text = "The request failed (" + xhr.status + ").";
    try {
      var doc = new DOMParser().parseFromString(xhr.responseText, "text/html");
      var reason = doc.querySelector("[data-testid=forbidden-reason], .error-page p");
      if (reason) { text = reason.textContent.trim(); }
    } catch (e) { /* keep the generic text */ }
    box.textContent = text;
    box.hidden = false;
  });

  // Context fields must hold a JSON object: say so before the form is sent.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.querySelectorAll) { return; }
    form.querySelectorAll("textarea[data-json]").forEach(function (area) {
      var box = document.getElementById(area.getAttribute("data-json"));
      var text = area.value.trim();
      var problem = "";
      if (text) {
        try {
          var parsed = JSON.parse(text);
          if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
            problem = "The context must be a JSON object, like {\"customer\": \"Acme\"}.";
          }
        } catch (e) {
          problem = "The context is not valid JSON: " + e.message;
        }
      }
      if (box) { box.textContent = problem; }
      if (problem) { event.preventDefault(); area.focus(); }
    });
  });

  // The fallback list never offers the model picked as the main one: the server would refuse it.
  function syncFallback(fallback) {
    var main = document.getElementById(fallback.getAttribute("data-fallback-for"));
    if (!main) { return; }
    Array.prototype.forEach.call(fallback.options, function (option) {
      if (!option.hasAttribute("data-label")) { return; }
      var available = option.getAttribute("data-available") === "true";
      var isMain = option.value === main.value;
      option.disabled = !available || isMain;
      option.textContent = option.getAttribute("data-label") + (!available ? " (unavailable)" : isMain ? " (the main model)" : "");
    });
    if (fallback.value === main.value) { fallback.value = ""; }
  }
  document.addEventListener("change", function (event) {
    document.querySelectorAll("select[data-fallback-for]").forEach(function (fallback) {
      if (event.target.id === fallback.getAttribute("data-fallback-for")) { syncFallback(fallback); }
    });
  });

  // A run's page streams its output as it is generated. Chunks are inserted as text, never as HTML; a few times a
  // second the server sends the text so far rendered as sanitized Markdown, which replaces it. The page is never
  // reloaded: the run's state and timeline refresh themselves until it has ended.
  function stream(container) {
    var output = container.querySelector("#live-output");
    var rendered = container.querySelector("#live-markdown");
    var state = container.querySelector("[data-stream-state]");
    var spinner = container.querySelector(".spinner");
    var source = new EventSource(container.getAttribute("data-stream"));
    source.addEventListener("chunk", function (e) {
      if (state) { state.textContent = "Generating…"; }
      output.textContent += JSON.parse(e.data).text;
    });
    source.addEventListener("html", function (e) {
      rendered.innerHTML = JSON.parse(e.data).html; // sanitized by the server, as the finished page renders it
      rendered.hidden = false;
      output.hidden = true;
    });
    // The run was started again (another instance took it over): its new answer replaces the old text.
    source.addEventListener("reset", function () {
      output.textContent = "";
      rendered.innerHTML = "";
    });
    source.addEventListener("done", function (e) {
      source.close();
      var status = JSON.parse(e.data).status;
      if (state) { state.textContent = "Finished: " + status.replace("_", " ") + "."; }
      if (spinner) { spinner.remove(); }
      // The state's own refresh picks up the recorded outcome within a second, and then stops.
    });
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED && state) { state.textContent = "Disconnected. Reload to see the result."; }
    };
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-stream]").forEach(stream);
  });

  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.matches && el.matches("[data-autosubmit]")) {
      el.form.requestSubmit ? el.form.requestSubmit() : el.form.submit();
    }
  });

  // Destructive actions ask first: <form data-confirm="Remove this member?">.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var message = form.getAttribute && form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  document.addEventListener("click", function (event) {
    var toggle = event.target.closest && event.target.closest("[data-nav-toggle]");
    if (toggle) {
      var nav = document.getElementById("main-nav");
      var open = nav.classList.toggle("open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    }
    var copy = event.target.closest && event.target.closest("[data-copy]");
    if (copy) {
      var source = document.getElementById(copy.getAttribute("data-copy"));
      if (source && navigator.clipboard) {
        navigator.clipboard.writeText(source.value || source.textContent).then(function () {
          copy.textContent = "Copied";
        });
      }
    }
  });
})();
