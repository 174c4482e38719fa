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
// One URL, one language: a browser that prefers the page's other language is offered a link to it.
;(function () {
  var offer = document.querySelector('.lang-offer[data-offer-lang]')
  if (!offer) return
  var wanted = offer.getAttribute('data-offer-lang')
  var page = document.documentElement.lang
  var langs = navigator.languages || [navigator.language || '']
  for (var i = 0; i < langs.length; i++) {
    var tag = String(langs[i]).slice(0, 2).toLowerCase()
    if (tag === page) return
    if (tag === wanted) {
      offer.hidden = false
      return
    }
  }
})()
