// Confirmation before destructive or irreversible actions: <form data-confirm="…">.
document.addEventListener('submit', function (event) {
  var form = event.target;
  var message = form.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
// Print buttons: <button data-print>.
document.addEventListener('click', function (event) {
  var target = event.target.closest('[data-print]');
  if (target) {
    event.preventDefault();
    window.print();
  }
});
