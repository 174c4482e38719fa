// Progressive enhancement for the back office: every form works without this file.
// The contents tree's buttons post the form as they would without script, and
// only the tree is replaced from the answer, keeping the page and its scroll.
document.addEventListener('click', function (event) {
  var button = event.target.closest && event.target.closest('#toc-editor button[name="tocOp"]')
  if (!button || !window.fetch || !window.DOMParser) return
  event.preventDefault()
  var form = button.form
  var op = button.value.split(':')[0]
  var row = button.closest('li')
  var title = row ? row.querySelector('input[name$=".title"]').value : ''
  var body = new FormData(form)
  body.append('tocOp', button.value)
  fetch(form.action, { method: 'POST', body: body, credentials: 'same-origin' })
    .then(function (res) {
      if (!res.ok) throw new Error(String(res.status))
      return res.text()
    })
    .then(function (text) {
      var next = new DOMParser().parseFromString(text, 'text/html').getElementById('toc-editor')
      var editor = document.getElementById('toc-editor')
      if (!next || !editor) return form.submit()
      editor.replaceWith(next)
      var rows = next.querySelectorAll('li.toc-row')
      var target = null
      // An added row is the blank one; a moved row is found again by its title.
      var wanted = op === 'add' ? '' : title
      if (op !== 'remove') rows.forEach(function (li) { if (!target && li.querySelector('input[name$=".title"]').value === wanted) target = li })
      var focus = target && (op === 'add' ? target.querySelector('input[name$=".title"]') : target.querySelector('button[value^="' + op + ':"]'))
      ;(focus || next.querySelector('#f-toc')).focus()
    })
    .catch(function () {
      var hidden = document.createElement('input')
      hidden.type = 'hidden'
      hidden.name = 'tocOp'
      hidden.value = button.value
      form.appendChild(hidden)
      form.submit()
    })
})
