// The HTML reference's behaviour, inlined into reference.html: filter, expand/collapse, copy,
// open everything for printing. It reads only the page; without it every section is shown.
(() => {
  const endpoints = [...document.querySelectorAll('details.endpoint')];
  const links = [...document.querySelectorAll('#sidebar [data-endpoint]')];
  const search = document.getElementById('search');
  const count = document.getElementById('search-count');
  const tools = document.querySelector('.tools');
  search.hidden = false;
  tools.hidden = false;

  const filter = () => {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    const visible = new Set();
    for (const section of endpoints) {
      const text = `${section.dataset.search} ${section.querySelector('summary').textContent.toLowerCase()}`;
      const match = words.every((word) => text.includes(word));
      section.hidden = !match;
      if (match) {
        shown++;
        visible.add(section.id);
      }
    }
    for (const link of links) link.parentElement.hidden = !visible.has(link.dataset.endpoint);
    for (const group of document.querySelectorAll('#sidebar details.resource')) group.hidden = !group.querySelector('li:not([hidden])');
    for (const group of document.querySelectorAll('main section.resource')) group.hidden = !group.querySelector('details.endpoint:not([hidden])');
    count.textContent = words.length ? `${shown} of ${endpoints.length} endpoint(s)` : '';
  };
  search.addEventListener('input', filter);

  const openAll = (open) => {
    for (const details of document.querySelectorAll('main details')) details.open = open;
  };
  document.getElementById('expand').addEventListener('click', () => openAll(true));
  document.getElementById('collapse').addEventListener('click', () => openAll(false));
  window.addEventListener('beforeprint', () => openAll(true));

  const copied = (button, label) => {
    button.textContent = label;
    setTimeout(() => {
      button.textContent = 'Copy';
    }, 1500);
  };
  // Every preformatted block gets a copy button: examples carry theirs in the template; any
  // other (a curl request, a block of a custom template) gets one here, in the same box.
  for (const pre of document.querySelectorAll('main pre')) {
    let box = pre.parentElement;
    if (box.querySelector(':scope > button.copy')) continue;
    if (!box.classList.contains('example')) {
      box = document.createElement('div');
      box.className = 'example';
      pre.replaceWith(box);
      box.append(pre);
    }
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy';
    button.textContent = 'Copy';
    box.prepend(button);
  }
  for (const button of document.querySelectorAll('button.copy')) {
    button.addEventListener('click', () => {
      const text = button.parentElement.querySelector('pre').textContent;
      const fallback = () => {
        const area = document.createElement('textarea');
        area.value = text;
        document.body.append(area);
        area.select();
        const done = document.execCommand('copy');
        area.remove();
        copied(button, done ? 'Copied' : 'Select and copy');
      };
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(() => copied(button, 'Copied'), fallback);
      else fallback();
    });
  }
})();
