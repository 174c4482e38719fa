// Suggestions under the search box: the ARIA 1.2 combobox pattern with a listbox popup.
// Progressive enhancement only: without this file the box is a plain search form.
(function () {
  var input = document.getElementById('q')
  if (!input || !window.fetch) return
  var list = document.createElement('ul')
  var items = []
  var active = -1
  var timer
  var seq = 0
  var lang = document.documentElement.lang
  list.id = 'q-suggest'
  list.className = 'suggest'
  list.hidden = true
  list.setAttribute('role', 'listbox')
  list.setAttribute('aria-label', input.dataset.suggestLabel || '')
  input.form.appendChild(list)
  input.setAttribute('role', 'combobox')
  input.setAttribute('aria-autocomplete', 'list')
  input.setAttribute('aria-expanded', 'false')
  input.setAttribute('aria-controls', list.id)

  function close() {
    list.hidden = true
    active = -1
    input.setAttribute('aria-expanded', 'false')
    input.removeAttribute('aria-activedescendant')
  }
  function mark(i) {
    active = i
    Array.prototype.forEach.call(list.children, function (li, k) {
      li.setAttribute('aria-selected', String(k === i))
    })
    input.setAttribute('aria-activedescendant', 'q-opt-' + i)
  }
  function go(i) {
    var path = items[i].path
    location.href = lang === 'en' ? path + (path.indexOf('?') < 0 ? '?' : '&') + 'lang=en' : path
  }
  function show(found) {
    items = found
    list.textContent = ''
    found.forEach(function (s, i) {
      var li = document.createElement('li')
      li.id = 'q-opt-' + i
      li.className = s.kind
      li.textContent = s.label
      li.setAttribute('role', 'option')
      li.setAttribute('aria-selected', 'false')
      li.addEventListener('mousedown', function (e) {
        e.preventDefault()
        go(i)
      })
      list.appendChild(li)
    })
    if (!found.length) return close()
    active = -1
    list.hidden = false
    input.setAttribute('aria-expanded', 'true')
  }
  input.addEventListener('input', function () {
    clearTimeout(timer)
    var q = input.value.trim()
    if (!q) return close()
    timer = setTimeout(function () {
      var n = ++seq
      fetch('/api/v1/suggest?lang=' + lang + '&q=' + encodeURIComponent(q))
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] } })
        .then(function (d) { if (n === seq) show(d.suggestions) }, close)
    }, 120)
  })
  input.addEventListener('keydown', function (e) {
    var n = items.length
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !list.hidden && n) {
      e.preventDefault()
      mark(e.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n)
    } else if (e.key === 'Enter' && !list.hidden && active >= 0) {
      e.preventDefault()
      go(active)
    } else if (e.key === 'Escape' && !list.hidden) {
      e.preventDefault()
      close()
    }
  })
  input.addEventListener('blur', close)
})()
