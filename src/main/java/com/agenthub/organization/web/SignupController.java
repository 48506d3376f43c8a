package com.agenthub.organization.web;

import com.agenthub.identity.SessionSignIn;
import com.agenthub.identity.SignupThrottle;
import com.agenthub.organization.SignupService;
import com.agenthub.shared.web.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class SignupController {

    private final SignupService signups;
    private final SessionSignIn signIn;
    private final SignupThrottle throttle;

    SignupController(SignupService signups, SessionSignIn signIn, SignupThrottle throttle) {
        this.signups = signups;
        this.signIn = signIn;
        this.throttle = throttle;
    }

    record SignupForm(
            @NotBlank(message = "Enter your name.") @Size(max = 80, message = "Up to 80 characters.") String displayName,
            @NotBlank(message = "Enter your email.") @Email(message = "Enter a valid email address.")
            @Size(max = 254, message = "Up to 254 characters.") String email,
            @NotBlank(message = "Choose a password.") @Size(min = 10, max = 200, message = "Use 10 to 200 characters.") String password,
            @NotBlank(message = "Name your organization.") @Size(max = 80, message = "Up to 80 characters.") String organizationName) {
    }

    @GetMapping("/signup")
    String form(Model model) {
        model.addAttribute("form", new SignupForm("", "", "", ""));
        return "auth/signup";
    }

    @PostMapping("/signup")
    String signUp(@Valid @ModelAttribute("form") SignupForm form, BindingResult binding, HttpServletRequest request,
                  HttpServletResponse response, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return "auth/signup";
        }
        var wait = throttle.tryAttempt(request.getRemoteAddr());
        if (wait.isPresent()) {
            long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
            binding.reject("throttled", "Too many sign-ups from your network. Try again in " + minutes
                    + (minutes == 1 ? " minute." : " minutes."));
            response.setStatus(429);
            return "auth/signup";
        }
        try {
            var result = signups.signUp(new SignupService.SignUp(form.email(), form.displayName(), form.password(),
                    form.organizationName()));
            signIn.signIn(result.user(), request, response);
        } catch (InvalidRequestException e) {
            FormErrors.reject(binding, e);
            return "auth/signup";
        }
        redirect.addFlashAttribute("success", "Welcome to AgentHub! Your organization is on the Free plan.");
        return "redirect:/dashboard";
    }
}
