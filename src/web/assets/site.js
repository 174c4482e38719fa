// Progressive enhancement only: every page works without this file.
document.querySelectorAll('a.more[href^="#"]').forEach(function (link) {
  var target = document.getElementById(link.getAttribute('href').slice(1))
  if (!target) return
  var button = document.createElement('button')
  button.type = 'button'
  button.className = 'more'
  button.textContent = link.dataset.more
  button.setAttribute('aria-expanded', 'false')
  button.setAttribute('aria-controls', target.id)
  button.addEventListener('click', function () {
    var open = target.classList.toggle('open')
    button.setAttribute('aria-expanded', String(open))
    button.textContent = open ? link.dataset.less : link.dataset.more
  })
  link.replaceWith(button)
})
