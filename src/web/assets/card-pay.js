// The card payment form of an order page: opens PortOne's payment window with
// the parameters the server put on the form, then posts the form so the
// server can ask PortOne how the payment stands. The browser's word is never
// taken for the payment: the server checks it with PortOne's API.
(function () {
  var form = document.getElementById('card-pay')
  if (!form || !window.PortOne) return
  var params = JSON.parse(form.getAttribute('data-portone'))
  var button = form.querySelector('button')
  form.addEventListener('submit', function (event) {
    event.preventDefault()
    button.disabled = true
    window.PortOne.requestPayment(params).then(
      function (result) {
        // A window closed without paying says so; the server is asked anyway and finds it unpaid.
        if (result && result.code) form.setAttribute('data-result', result.code)
        form.submit()
      },
      function () {
        button.disabled = false
      },
    )
  })
})()
