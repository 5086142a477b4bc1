-- Neovim as a real LSP client of fitlint-language-server (headless test).
--
-- The FileType autocmd below is what a user puts in their config (see
-- docs/editors.md): vim.lsp.start on Neovim 0.8+, start_client +
-- buf_attach_client on 0.7 (Debian bookworm's Neovim). After the server is
-- attached, the test waits for diagnostics, asks for hover and code actions,
-- writes what it got to $FITLINT_OUT, and exits 0 (diagnostics arrived) or 1.

local server = assert(os.getenv('FITLINT_SERVER'), 'FITLINT_SERVER: path to dist/src/lsp/bin.js')
local out = assert(os.getenv('FITLINT_OUT'), 'FITLINT_OUT: where to write the result')
local timeout = tonumber(os.getenv('FITLINT_TIMEOUT') or '20000')

local lines = {}
local function say(text)
  table.insert(lines, text)
end

local function finish(code)
  local file = assert(io.open(out, 'w'))
  file:write(table.concat(lines, '\n') .. '\n')
  file:close()
  for _, client in pairs(vim.lsp.get_active_clients()) do
    client.stop()
  end
  vim.wait(2000, function()
    return #vim.lsp.get_active_clients() == 0
  end, 50)
  if code == 0 then
    vim.cmd('qall!')
  else
    os.exit(code)
  end
end

-- The user-config part ------------------------------------------------------
local config = {
  name = 'fitlint',
  cmd = {'node', server, '--stdio'},
  root_dir = vim.fn.getcwd(),
  init_options = {debounce = 100},
  settings = {fitlint = {}},
}

local client_id
vim.api.nvim_create_autocmd('FileType', {
  pattern = {'markdown', 'html', 'text'},
  callback = function(args)
    if vim.lsp.start then
      client_id = vim.lsp.start(config)
    else
      client_id = client_id or vim.lsp.start_client(config)
      vim.lsp.buf_attach_client(args.buf, client_id)
    end
  end,
})
-- ---------------------------------------------------------------------------

local function check()
  local bufnr = vim.api.nvim_get_current_buf()
  say('nvim ' .. tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch))
  say('filetype ' .. vim.bo[bufnr].filetype)
  if not client_id then
    say('FAIL: the FileType autocmd did not start a client')
    return finish(1)
  end

  local arrived = vim.wait(timeout, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 100)
  if not arrived then
    say('FAIL: no diagnostics within ' .. timeout .. ' ms')
    return finish(1)
  end

  local first
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    local code = diagnostic.code
      or (diagnostic.user_data and diagnostic.user_data.lsp and diagnostic.user_data.lsp.code)
    first = first or diagnostic
    say(string.format('diagnostic %d:%d severity=%d source=%s code=%s %s',
      diagnostic.lnum + 1, diagnostic.col + 1, diagnostic.severity,
      tostring(diagnostic.source), tostring(code), (diagnostic.message:gsub('\n.*', ''))))
  end

  local position = {line = first.lnum, character = first.col}
  local uri = vim.uri_from_bufnr(bufnr)
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = {uri = uri}, position = position,
  }, 5000)
  for _, response in pairs(hover or {}) do
    if response.result and response.result.contents then
      say('hover ' .. (response.result.contents.value or ''):gsub('\n.*', ''))
    end
  end

  local actions = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = {uri = uri},
    range = {start = position, ['end'] = position},
    context = {diagnostics = {}},
  }, 5000)
  for _, response in pairs(actions or {}) do
    for _, action in ipairs(response.result or {}) do
      say('action ' .. action.title)
    end
  end

  finish(0)
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    vim.defer_fn(check, 0)
  end,
})
