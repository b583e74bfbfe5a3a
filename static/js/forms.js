// Small behaviours of the public pages, without inline scripts (the Content-Security-Policy allows none):
// a <select data-autosubmit> submits its form when changed; a <button data-print> prints the page.
document.addEventListener("change", function (event) {
    if (event.target.matches("select[data-autosubmit]") && event.target.form) {
        event.target.form.submit();
    }
});
document.addEventListener("click", function (event) {
    if (event.target.closest("button[data-print]")) {
        window.print();
    }
});
