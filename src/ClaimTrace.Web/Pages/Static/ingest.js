// The ingest page with a progress display. Without this script the form posts to /ingest and the server answers
// with the results page; with it the files go to /api/ingest with the upload's progress shown, then the page polls
// the job until the pages are stored and shows the same results. Text from the server is only ever put in the page
// with textContent, never as markup: file names and error messages come from uploads.
(function () {
  'use strict';
  var form = document.querySelector('[data-testid="upload-form"]');
  if (!form || !window.XMLHttpRequest || !window.FormData) {
    return;
  }
  var input = form.querySelector('input[type="file"]');
  var button = form.querySelector('button');
  var box = document.getElementById('upload-progress');
  var bar = box.querySelector('progress');
  var label = box.querySelector('.label');
  var results = document.getElementById('upload-results');
  var limit = Number(form.getAttribute('data-max-bytes'));

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  function size(bytes) {
    if (bytes >= 1048576) {
      return (bytes / 1048576).toFixed(1) + ' MiB';
    }
    if (bytes >= 1024) {
      return (bytes / 1024).toFixed(1) + ' KiB';
    }
    return bytes + ' bytes';
  }

  function progress(fraction, text) {
    box.classList.add('on');
    if (fraction === null) {
      bar.removeAttribute('value');
    } else {
      bar.value = Math.max(0, Math.min(1, fraction));
    }
    label.textContent = text;
  }

  function plural(n, noun) {
    return n + ' ' + noun + (n === 1 ? '' : 's');
  }

  // One error element per rejected file, naming it, with every reason the server gave for it.
  function errorsByFile(errors) {
    var byFile = {};
    var order = [];
    errors.forEach(function (e) {
      var file = e.file || 'the upload';
      if (!byFile[file]) {
        byFile[file] = [];
        order.push(file);
      }
      byFile[file].push(e.location && e.reason.indexOf(e.location) < 0 ? e.reason + ' (' + e.location + ')' : e.reason);
    });
    return order.map(function (file) {
      var div = el('div', { 'class': 'upload-error', 'data-testid': 'upload-error', 'data-file': file });
      div.appendChild(el('strong', {}, file));
      div.appendChild(document.createTextNode(': ' + byFile[file].join('; ')));
      return div;
    });
  }

  function show(status, refused) {
    results.textContent = '';
    var section = el('section', { 'class': 'upload-result', 'data-testid': 'upload-result' });
    section.appendChild(el('h2', {}, status.state === 'failed' ? 'The upload stopped' : 'Upload stored'));
    section.appendChild(el('p', { 'class': 'lead' }, plural(status.added, 'page') + ' added, ' + plural(status.new_versions, 'new version') + ', ' +
      status.unchanged + ' unchanged; ' + plural(status.errors.length + refused.length, 'problem') + '.'));
    errorsByFile(refused.concat(status.errors)).forEach(function (e) { section.appendChild(e); });
    if (status.stored.length > 0) {
      var list = el('ul', { 'class': 'stored' });
      status.stored.slice(0, 200).forEach(function (s) {
        var li = el('li', { 'class': 'upload-ok' });
        li.appendChild(el('a', { href: '/documents/' + encodeURIComponent(s.id) }, s.source.replace(/^upload:\/\//, '')));
        li.appendChild(document.createTextNode(' \u2014 ' + s.status.replace('_', ' ') + (s.version > 1 ? ', version ' + s.version : '')));
        list.appendChild(li);
      });
      if (status.stored.length > 200) {
        list.appendChild(el('li', { 'class': 'note' }, 'and ' + (status.stored.length - 200) + ' more'));
      }
      section.appendChild(list);
    }
    results.appendChild(section);
  }

  function fail(message, refused) {
    results.textContent = '';
    var section = el('section', { 'class': 'upload-result', 'data-testid': 'upload-result' });
    section.appendChild(el('h2', {}, 'Nothing was stored'));
    errorsByFile(refused).forEach(function (e) { section.appendChild(e); });
    section.appendChild(el('div', { 'class': 'upload-error', 'data-testid': 'upload-error' }, message));
    results.appendChild(section);
    box.classList.remove('on');
    button.disabled = false;
  }

  function poll(id, refused) {
    var xhr = new XMLHttpRequest();
    xhr.open('GET', '/api/ingest/' + encodeURIComponent(id));
    xhr.responseType = 'json';
    xhr.onload = function () {
      var status = xhr.response;
      if (xhr.status !== 200 || !status) {
        fail('Lost track of the upload (' + xhr.status + ').', refused);
        return;
      }
      if (status.state === 'running') {
        progress(status.bytes_total > 0 ? status.bytes_read / status.bytes_total : null,
          'Storing: ' + plural(status.processed, 'page') + ' read, ' + size(status.bytes_read) + ' of ' + size(status.bytes_total));
        window.setTimeout(function () { poll(id, refused); }, 400);
        return;
      }
      progress(1, 'Done.');
      button.disabled = false;
      show(status, refused);
    };
    xhr.onerror = function () { fail('The server could not be reached.', refused); };
    xhr.send();
  }

  form.addEventListener('submit', function (event) {
    if (!input.files || input.files.length === 0) {
      return;
    }
    event.preventDefault();
    var data = new FormData();
    var refused = [];
    var total = 0;
    Array.prototype.forEach.call(input.files, function (f) {
      if (f.size > limit) {
        refused.push({ file: f.name, reason: 'larger than the limit of ' + size(limit) + ' per file (' + size(f.size) + ')' });
        return;
      }
      total += f.size;
      data.append('files', f, f.name);
    });
    if (total > limit) {
      fail('Together the files are ' + size(total) + ', over the limit of ' + size(limit) + ' for one upload: upload them in smaller groups.', refused);
      return;
    }
    if (total === 0 && refused.length > 0) {
      fail('No file was small enough to upload.', refused);
      return;
    }
    button.disabled = true;
    results.textContent = '';
    var xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/ingest?wait=false');
    xhr.responseType = 'json';
    xhr.upload.onprogress = function (e) {
      progress(e.lengthComputable ? e.loaded / e.total : null, 'Uploading: ' + size(e.loaded) + (e.lengthComputable ? ' of ' + size(e.total) : ''));
    };
    xhr.onload = function () {
      var body = xhr.response || {};
      if (xhr.status === 200 || xhr.status === 202) {
        if (body.state === 'running') {
          poll(body.id, refused);
        } else {
          progress(1, 'Done.');
          button.disabled = false;
          show(body, refused);
        }
        return;
      }
      fail((body.title ? body.title + ': ' : '') + (body.detail || 'the server answered ' + xhr.status), refused);
    };
    xhr.onerror = function () { fail('The upload could not be sent.', refused); };
    progress(0, 'Uploading\u2026');
    xhr.send(data);
  });
}());
